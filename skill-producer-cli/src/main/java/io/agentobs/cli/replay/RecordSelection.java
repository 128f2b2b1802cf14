package io.agentobs.cli.replay;

import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.cli.TimeWindow;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Decides which archived records a replay sends, and counts per partition what it read, left out and chose. Records
 * must come in offset order per partition, file after file; used by the reading thread only.
 *
 * <p>Left out, in this order: a record at or below an offset already read (two files of the archive overlap, and
 * the later one repeats it: sent once); a record whose Kafka timestamp is outside the window; a record the
 * consumers dead-lettered, when asked to skip those.
 */
final class RecordSelection {

    private final TimeWindow window;
    private final boolean skipDeadLettered;
    private final SortedMap<Integer, PartitionTally> partitions = new TreeMap<>();
    private long read;
    private long selected;
    private long skipped;

    RecordSelection(TimeWindow window, boolean skipDeadLettered) {
        this.window = window;
        this.skipDeadLettered = skipDeadLettered;
    }

    /** Counts the record and says whether to send it. */
    boolean select(ArchivedRecord record) {
        PartitionTally partition = partitions.computeIfAbsent(record.partition(), p -> new PartitionTally());
        read++;
        partition.read++;
        if (record.offset() <= partition.lastReadOffset) {
            partition.duplicates++;
            skipped++;
            return false;
        }
        partition.lastReadOffset = record.offset();
        if (!window.contains(record.timestampMs())) {
            partition.outsideWindow++;
            return false;
        }
        if (skipDeadLettered && record.deadLetter() != null) {
            partition.deadLettered++;
            skipped++;
            return false;
        }
        partition.selected(record.offset());
        selected++;
        return true;
    }

    long read() {
        return read;
    }

    long selected() {
        return selected;
    }

    /** Records left out as repeated or dead-lettered (not those outside the window). */
    long skipped() {
        return skipped;
    }

    SortedMap<Integer, PartitionTally> partitions() {
        return partitions;
    }
}
