package io.agentobs.bench;

/**
 * Figures of one consumer run.
 *
 * @param name           what ran
 * @param events         events the run had to see
 * @param seen           events it saw (more than {@code events} would mean redelivery)
 * @param totalNanos     from the start (consumer created / application started) to the last event seen
 * @param firstBatch     events in the first batch
 * @param steadyNanos    from the first batch to the last event seen
 */
public record Measurement(String name, long events, long seen, long totalNanos, long firstBatch, long steadyNanos) {

    /** Events per second from the start, start-up and group join included. */
    public double eventsPerSecond() {
        return events * 1e9 / totalNanos;
    }

    /** Events per second after the first batch: consumption once assigned and fetching. */
    public double steadyEventsPerSecond() {
        return steadyNanos == 0 ? Double.NaN : (events - firstBatch) * 1e9 / steadyNanos;
    }

    public double totalSeconds() {
        return totalNanos / 1e9;
    }

    public double steadySeconds() {
        return steadyNanos / 1e9;
    }
}
