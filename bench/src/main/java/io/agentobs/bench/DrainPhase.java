package io.agentobs.bench;

import java.util.Locale;
import java.util.Optional;

/**
 * One backlog drained by the service into PostgreSQL.
 *
 * @param name          what was drained, and how
 * @param events        events of the backlog, all of which ended up as rows
 * @param startNanos    when the clock started: the service process started, or the backlog's transaction committed
 * @param firstNanos    when the first rows of the backlog were seen committed
 * @param firstRows     rows committed at that moment
 * @param endNanos      when the last row was seen committed
 * @param cpu           CPU used from the first rows to the last
 * @param listener      the service's own meters over the phase
 * @param retention     the concurrent retention deletes, when the phase ran them
 */
record DrainPhase(String name, long events, long startNanos, long firstNanos, long firstRows, long endNanos,
                  ProcessCpu.Usage cpu, ListenerFigures listener, Optional<RetentionFigures> retention) {

    /** The same drain with the figures of the retention deletes that ran next to it. */
    DrainPhase withRetention(RetentionFigures figures) {
        return new DrainPhase(name, events, startNanos, firstNanos, firstRows, endNanos, cpu, listener,
                Optional.of(figures));
    }

    double totalSeconds() {
        return (endNanos - startNanos) / 1e9;
    }

    double steadySeconds() {
        return (endNanos - firstNanos) / 1e9;
    }

    /** Rows per second from the clock's start to the last row. */
    double perSecond() {
        return events * 1e9 / (endNanos - startNanos);
    }

    /** Rows per second after the first rows: the drain itself, without start-up. */
    double steadyPerSecond() {
        return endNanos == firstNanos ? Double.NaN : (events - firstRows) * 1e9 / (endNanos - firstNanos);
    }

    /**
     * The service's meters over a phase: batches, time in the listener (decode, validation, write) and in the
     * writer's transaction (COPY, offsets, commit), rows it counted.
     */
    record ListenerFigures(double batches, double listenerSeconds, double writeSeconds, double rowsInserted) {

        static ListenerFigures between(DbWriterProcess.PrometheusText before, DbWriterProcess.PrometheusText after) {
            return new ListenerFigures(
                    delta(before, after, "agentobs_consumer_batch_duration_seconds_count", ""),
                    delta(before, after, "agentobs_consumer_batch_duration_seconds_sum", ""),
                    delta(before, after, "agentobs_dbwriter_batch_write_seconds_sum", ""),
                    delta(before, after, "agentobs_dbwriter_rows_inserted_rows_total", "table=\"agent_actions\"")
                            + delta(before, after, "agentobs_dbwriter_rows_inserted_total", "table=\"agent_actions\""));
        }

        private static double delta(DbWriterProcess.PrometheusText before, DbWriterProcess.PrometheusText after,
                                    String name, String labels) {
            return after.sum(name, labels) - (before == null ? 0 : before.sum(name, labels));
        }

        String format() {
            return String.format(Locale.ROOT, "%,.0f batches (mean %,.0f rows), listener busy %.2f s, of which in the"
                            + " writer's transaction %.2f s (mean %.1f ms per batch)", batches,
                    batches == 0 ? 0 : rowsInserted / batches, listenerSeconds, writeSeconds,
                    batches == 0 ? 0 : 1000 * writeSeconds / batches);
        }
    }

    /**
     * Retention's batched deletes run next to the drain.
     *
     * @param deleted      rows deleted
     * @param seconds      from the first DELETE to the last
     * @param statements   DELETE statements run
     * @param doneBeforeDrain whether they finished before the backlog was drained
     */
    record RetentionFigures(long deleted, double seconds, int statements, boolean doneBeforeDrain) {

        String format() {
            return String.format(Locale.ROOT, "retention deleted %,d expired rows in %d statements over %.2f s"
                            + " (%,.0f rows/s), %s", deleted, statements, seconds, deleted / seconds,
                    doneBeforeDrain ? "finished before the drain" : "still deleting when the drain finished");
        }
    }
}
