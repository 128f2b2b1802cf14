package io.agentobs.auditlogger.archive;

import java.util.ArrayList;
import java.util.List;

import io.agentobs.audit.archive.ArchivedRecord;

/**
 * The records of one partition gathered for the next archive object, in offset order; lives on the consumer thread
 * until it is closed into a {@link ClosedFile}.
 */
final class OpenFile {

    private static final long HOUR_MS = 3_600_000L;

    private final long startOffset;
    private final long hourEndMs;
    private final long openedAtNanos;
    private final List<ArchivedRecord> records = new ArrayList<>();
    private long bytes;
    private long lastOffset = -1;
    private long lastAppendNanos;

    /**
     * @param startOffset first offset the file covers (the previous file's end, or the partition's position)
     * @param firstTimestampMs Kafka timestamp of its first record: names the file's hour
     * @param nowNanos monotonic time of opening
     */
    OpenFile(long startOffset, long firstTimestampMs, long nowNanos) {
        this.startOffset = startOffset;
        this.hourEndMs = Math.floorDiv(firstTimestampMs, HOUR_MS) * HOUR_MS + HOUR_MS;
        this.openedAtNanos = nowNanos;
        this.lastAppendNanos = nowNanos;
    }

    void append(ArchivedRecord record, long recordBytes, long nowNanos) {
        records.add(record);
        bytes += recordBytes;
        lastOffset = record.offset();
        lastAppendNanos = nowNanos;
    }

    /** The file as it is now, covering [start, last record + 1). */
    ClosedFile close() {
        return new ClosedFile(startOffset, lastOffset + 1, List.copyOf(records), bytes);
    }

    long startOffset() {
        return startOffset;
    }

    /** Records with a Kafka timestamp from here on belong to a later hour's file. */
    long hourEndMs() {
        return hourEndMs;
    }

    int recordCount() {
        return records.size();
    }

    long bytes() {
        return bytes;
    }

    long openedAtNanos() {
        return openedAtNanos;
    }

    long lastAppendNanos() {
        return lastAppendNanos;
    }
}
