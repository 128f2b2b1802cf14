package io.agentobs.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A half-open range [from, to) of record timestamps, as {@code --from} and {@code --to} give it; a null end is open.
 *
 * @param from first instant inside, or null for no lower bound
 * @param to first instant after, or null for no upper bound
 */
public record TimeWindow(Instant from, Instant to) {

    /**
     * Parses {@code --from} and {@code --to} with {@link TimeBound} (an ISO-8601 instant or a duration ago).
     *
     * @throws UsageException when either is malformed, or from is not before to
     */
    public static TimeWindow parse(String fromText, String toText, Clock clock) throws UsageException {
        Instant from = millis(TimeBound.parse("--from", fromText, clock));
        Instant to = millis(TimeBound.parse("--to", toText, clock));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new UsageException("--from (" + from + ") must be before --to (" + to + ")");
        }
        return new TimeWindow(from, to);
    }

    /** Kafka timestamps are milliseconds: a duration ago is cut to the millisecond, so that reports show it so. */
    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Whether a timestamp in epoch milliseconds lies in [from, to). */
    public boolean contains(long epochMillis) {
        return (from == null || epochMillis >= from.toEpochMilli()) && (to == null || epochMillis < to.toEpochMilli());
    }

    /** Whether the closed range [minMillis, maxMillis] of a file's timestamps shares an instant with the window. */
    public boolean overlaps(long minMillis, long maxMillis) {
        return (from == null || maxMillis >= from.toEpochMilli()) && (to == null || minMillis < to.toEpochMilli());
    }
}
