package io.agentobs.cli.replay;

/**
 * The counts of one partition in a replay ({@link RecordSelection}): what was read, left out and selected, and the
 * offsets selected first and last.
 */
final class PartitionTally {

    long read;
    long outsideWindow;
    long deadLettered;
    long duplicates;
    long selected;
    long firstSelectedOffset = -1;
    long lastSelectedOffset = -1;
    /** The highest offset read so far: a record at or below it came again from an overlapping file. */
    long lastReadOffset = -1;

    void selected(long offset) {
        selected++;
        if (firstSelectedOffset < 0) {
            firstSelectedOffset = offset;
        }
        lastSelectedOffset = offset;
    }

    long skipped() {
        return deadLettered + duplicates;
    }
}
