package io.agentobs.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One start of metrics-aggregator-service with one batch size: the backlogs it aggregated into Redis, and a bare
 * Kafka consumer reading the first backlog in the same run, before the service started and after it stopped.
 *
 * @param round          round number, from 1
 * @param batchSize      BATCH_SIZE given to the service; 0 when it ran with its own default
 * @param traffic        what the backlogs were: the bench's agent actions or simulated traces
 * @param group          the service's consumer group
 * @param serviceStarted Spring Boot's "Started … in X seconds (process running for Y)": {X, Y}
 * @param produced       the first backlog's produce figures
 * @param drains         the drains, the first one from the service's start
 * @param rawBefore      the bare consumer before the service started
 * @param rawAfter       the same after it stopped
 */
record MetricsRun(int round, int batchSize, Traffic traffic, String group, Optional<double[]> serviceStarted,
                  Backlog produced, List<MetricsDrain> drains, Measurement rawBefore, Measurement rawAfter) {

    MetricsRun {
        drains = List.copyOf(drains);
    }

    /** Events per second of the reference from its first batch to its last event: the mean of both runs. */
    double rawSteadyPerSecond() {
        return (rawBefore.steadyEventsPerSecond() + rawAfter.steadyEventsPerSecond()) / 2;
    }

    /** BATCH_SIZE as the report shows it. */
    String batchLabel() {
        return batchSize == 0 ? "default" : Integer.toString(batchSize);
    }

    /** Events per second of the cold drain counted from when Spring Boot had started. */
    Optional<Double> afterStartupPerSecond() {
        if (serviceStarted.isEmpty()) {
            return Optional.empty();
        }
        DrainPhase<MetricsMeters> cold = drains.get(0).drain();
        return Optional.of(cold.events() / (cold.totalSeconds() - serviceStarted.get()[1]));
    }

    String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "round %d, BATCH_SIZE %s, traffic %s (group %s); backlog produced at"
                + " %,.0f events/s in one transaction%n", round, batchLabel(), traffic.wireName(), group,
                produced.producedPerSecond()));
        serviceStarted.ifPresent(s -> out.append(String.format(Locale.ROOT,
                "service: Started MetricsAggregatorApplication in %.2f s (process running for %.2f s)%n", s[0], s[1])));
        for (MetricsDrain drain : drains) {
            out.append(drain.format()).append('\n');
        }
        afterStartupPerSecond().ifPresent(rate -> out.append(String.format(Locale.ROOT,
                "cold drain counted from Spring Boot's start instead of the process's: %,.0f events/s%n", rate)));
        for (Measurement raw : List.of(rawBefore, rawAfter)) {
            out.append(String.format(Locale.ROOT, "reference %s, %s: %,d events, %,.0f events/s from its creation,"
                            + " %,.0f events/s steady%n", raw.name(),
                    raw == rawBefore ? "before the service" : "after it", raw.events(), raw.eventsPerSecond(),
                    raw.steadyEventsPerSecond()));
        }
        return out.toString();
    }
}
