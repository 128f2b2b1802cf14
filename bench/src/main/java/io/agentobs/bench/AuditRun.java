package io.agentobs.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One start of audit-logger-service with one batch size: the backlogs it archived, and a bare Kafka consumer
 * reading the first backlog in the same run, before the service started and after it stopped.
 *
 * @param round          round number, from 1
 * @param batchSize      BATCH_SIZE (max.poll.records) of the service
 * @param compression    the Parquet codec the service wrote with
 * @param traffic        what the backlogs were: the bench's agent actions or simulated traces
 * @param eventsPerCorrelation consecutive agent actions sharing a correlation id (and record key)
 * @param group          the service's consumer group
 * @param bucket         the bucket it archived into
 * @param serviceStarted Spring Boot's "Started … in X seconds (process running for Y)": {X, Y}
 * @param produced       the first backlog's produce figures
 * @param drains         the drains, the first one from the service's start
 * @param rawBefore      the bare consumer before the service started
 * @param rawAfter       the same after it stopped
 */
record AuditRun(int round, int batchSize, String compression, Traffic traffic, int eventsPerCorrelation, String group,
                String bucket, Optional<double[]> serviceStarted, Backlog produced, List<ArchivedDrain> drains,
                Measurement rawBefore, Measurement rawAfter) {

    AuditRun {
        drains = List.copyOf(drains);
    }

    /** Events per second of the reference from its first batch to its last event: the mean of both runs. */
    double rawSteadyPerSecond() {
        return (rawBefore.steadyEventsPerSecond() + rawAfter.steadyEventsPerSecond()) / 2;
    }

    /** Events per second of the reference from its consumer's creation (group join included): the mean of both. */
    double rawPerSecond() {
        return (rawBefore.eventsPerSecond() + rawAfter.eventsPerSecond()) / 2;
    }

    /** Events per second of a drain counted from when Spring Boot had started, for the cold drain. */
    Optional<Double> afterStartupPerSecond(ArchivedDrain drain) {
        if (drain != drains.get(0) || serviceStarted.isEmpty()) {
            return Optional.empty();
        }
        double seconds = drain.drain().totalSeconds() - serviceStarted.get()[1];
        return Optional.of(drain.drain().events() / seconds);
    }

    /** What the backlogs were, for the report's header. */
    String trafficNote() {
        return traffic == Traffic.ACTIONS
                ? String.format(Locale.ROOT, "%d event(s) per correlation id", eventsPerCorrelation)
                : String.format(Locale.ROOT, "traffic %s: whole traces of agentobs simulate over %d topics",
                        traffic.wireName(), traffic.topics().size());
    }

    /** The summary's line on what the backlogs were. */
    String trafficLine() {
        return traffic == Traffic.ACTIONS
                ? String.format(Locale.ROOT, "events per correlation id (the record key): %d", eventsPerCorrelation)
                : String.format(Locale.ROOT, "traffic: %s, whole traces of agentobs simulate's generator (seeds from"
                        + " %d, one per backlog; fixed clock at %s; keys and values as generated) over %s",
                        traffic.wireName(), SimulatedTraffic.FIRST_SEED, SimulatedTraffic.CLOCK_TIME,
                        String.join(", ", traffic.topicNames()));
    }

    String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "round %d, BATCH_SIZE %d, compression %s, %s (group %s, bucket %s);"
                + " backlog produced at %,.0f events/s in one transaction%n", round, batchSize, compression,
                trafficNote(), group, bucket, produced.producedPerSecond()));
        serviceStarted.ifPresent(s -> out.append(String.format(Locale.ROOT,
                "service: Started AuditLoggerApplication in %.2f s (process running for %.2f s)%n", s[0], s[1])));
        for (ArchivedDrain drain : drains) {
            out.append(drain.format()).append('\n');
            afterStartupPerSecond(drain).ifPresent(rate -> out.append(String.format(Locale.ROOT,
                    "  counted from Spring Boot's start instead of the process's: %,.0f events/s%n", rate)));
        }
        for (Measurement raw : List.of(rawBefore, rawAfter)) {
            out.append(String.format(Locale.ROOT, "reference %s, %s: %,d events, %,.0f events/s from its creation,"
                            + " %,.0f events/s steady%n", raw.name(),
                    raw == rawBefore ? "before the service" : "after it", raw.events(), raw.eventsPerSecond(),
                    raw.steadyEventsPerSecond()));
        }
        return out.toString();
    }
}
