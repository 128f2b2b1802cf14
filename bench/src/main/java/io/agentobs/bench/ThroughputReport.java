package io.agentobs.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The figures of one {@link ConsumerThroughput} run, as text; the first run is the reference of the others. */
public record ThroughputReport(long events, int partitions, Duration produced, int round, List<Measurement> runs) {

    public ThroughputReport {
        runs = List.copyOf(runs);
    }

    /** Events per second of the pre-produce step (acks=all, producer and broker in this JVM). */
    public double producedPerSecond() {
        return events * 1e9 / produced.toNanos();
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "round %d; events: %,d on agent-actions (%d partitions); pre-produced"
                        + " in %.2f s = %,.0f events/s (acks=all)%n", round, events, partitions,
                produced.toNanos() / 1e9, producedPerSecond()));
        out.append(String.format(Locale.ROOT, "%-46s %9s %14s %9s %14s%n", "run", "total s", "events/s",
                "steady s", "steady ev/s"));
        for (Measurement run : runs) {
            out.append(String.format(Locale.ROOT, "%-46s %9.2f %,14.0f %9.2f %,14.0f%n", run.name(),
                    run.totalSeconds(), run.eventsPerSecond(), run.steadySeconds(), run.steadyEventsPerSecond()));
        }
        Measurement reference = runs.get(0);
        for (Measurement run : runs.subList(1, runs.size())) {
            out.append(String.format(Locale.ROOT, "ratio %s / raw: %.2f (from start), %.2f (steady)%n", run.name(),
                    run.eventsPerSecond() / reference.eventsPerSecond(),
                    run.steadyEventsPerSecond() / reference.steadyEventsPerSecond()));
        }
        for (Measurement run : runs) {
            if (run.seen() != run.events()) {
                out.append(String.format(Locale.ROOT, "note: %s saw %,d events for %,d produced%n", run.name(),
                        run.seen(), run.events()));
            }
        }
        out.append("total s / events/s: from consumer creation or application start to the last event seen; "
                + "steady: from the first batch to the last event");
        return out.toString();
    }
}
