package io.agentobs.auditlogger.archive;

import java.time.Duration;

import io.agentobs.audit.archive.ArchivedRecord;

/**
 * When an open file is closed. Count, size and the record-time hour depend on the records alone, so the same
 * offsets give the same files; idle time and age bound how long records wait for S3.
 *
 * @param maxRecords records per file
 * @param maxBytes record bytes per file, before compression
 * @param idleFlush the partition received nothing for this long
 * @param maxOpenTime the file has been open this long
 */
public record RollPolicy(int maxRecords, long maxBytes, Duration idleFlush, Duration maxOpenTime) {

    /** Whether the file must be closed before this record is added to it. */
    boolean closesBefore(OpenFile file, ArchivedRecord next, long nextBytes) {
        return file.recordCount() >= maxRecords
                || file.bytes() + nextBytes > maxBytes
                || next.timestampMs() >= file.hourEndMs();
    }

    /** Whether the file is due by wall-clock time: idle for {@code idleFlush} or open for {@code maxOpenTime}. */
    boolean dueByTime(OpenFile file, long nowNanos) {
        return nowNanos - file.lastAppendNanos() >= idleFlush.toNanos()
                || nowNanos - file.openedAtNanos() >= maxOpenTime.toNanos();
    }
}
