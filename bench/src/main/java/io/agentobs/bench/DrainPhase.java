package io.agentobs.bench;

import java.util.Locale;
import java.util.Optional;

/**
 * One backlog drained by a service: every event of it stored by the sink and its offset committed.
 *
 * @param name          what was drained, and how
 * @param events        events of the backlog, all of which ended up stored (rows, archived records)
 * @param startNanos    when the clock started: the service process started, or the backlog's transaction committed
 * @param firstNanos    when the first rows of the backlog were seen committed
 * @param firstRows     rows committed at that moment
 * @param endNanos      when the last row was seen committed
 * @param cpu           CPU used over the drain ({@link DrainWatch.CpuWindow})
 * @param meters        the service's own meters over the phase ({@link DbWriterMeters}, {@link AuditMeters})
 * @param retention     the concurrent retention deletes, when the phase ran them
 * @param <M>           the kind of service meters
 */
record DrainPhase<M>(String name, long events, long startNanos, long firstNanos, long firstRows, long endNanos,
                     ProcessCpu.Usage cpu, M meters, Optional<RetentionFigures> retention) {

    /** The same drain with the figures of the retention deletes that ran next to it. */
    DrainPhase<M> withRetention(RetentionFigures figures) {
        return new DrainPhase<>(name, events, startNanos, firstNanos, firstRows, endNanos, cpu, meters,
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
