package io.agentobs.bench;

import java.util.Locale;

/**
 * One backlog drained by metrics-aggregator-service into Redis, clocked until the offsets the Lua script stored
 * covered every event, and what Redis counted afterwards.
 *
 * @param drain         the drain
 * @param readSeconds   from the clock's start until the service had read every event (its counter; ±0.25 s)
 * @param totals        the events Redis holds after the drain, in the 1-hour windows and as late
 * @param expected      the events sent to Kafka so far in this run, which {@code totals} must equal
 */
record MetricsDrain(DrainPhase<MetricsMeters> drain, double readSeconds, BenchRedis.Totals totals, long expected) {

    MetricsDrain {
        if (totals.all() != expected) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s: Redis counts %,d events (%,d in the 1-hour"
                    + " windows, %,d late) but %,d were sent", drain.name(), totals.all(), totals.inWindows(),
                    totals.late(), expected));
        }
    }

    /** Share of the drain's wall time the service spent in script calls. */
    double scriptShare() {
        return drain.meters().scriptSeconds() / drain.cpu().wallSeconds();
    }

    String format() {
        DrainPhase<MetricsMeters> d = drain;
        return String.format(Locale.ROOT, "%s:%n  %,d events in %.2f s = %,.0f events/s; first offsets stored after"
                        + " %.2f s; all read by the service after %.2f s, all stored in Redis after %.2f s%n"
                        + "  Redis counts %,d events in the 1-hour windows + %,d late = %,d, the events sent so far%n"
                        + "  %s%n  CPU:%n%s", d.name(), d.events(), d.totalSeconds(), d.perSecond(),
                (d.firstNanos() - d.startNanos()) / 1e9, readSeconds, d.totalSeconds(), totals.inWindows(),
                totals.late(), totals.all(), d.meters().format(), d.cpu().format("    "));
    }
}
