package io.agentobs.cli.replay;

import io.agentobs.cli.TimeWindow;
import io.agentobs.cli.archive.ArchiveLocation;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one {@code replay} run sends, its options parsed and validated.
 *
 * @param topic the archived catalog topic
 * @param targetTopic where the records go (the archived topic unless {@code --target-topic})
 * @param window the records' Kafka timestamps, [from, to)
 * @param ratePerSecond records per second across all partitions, or null for as fast as Kafka takes them
 * @param dryRun read and count only, without connecting to Kafka
 * @param skipDeadLettered leave out records the consumers sent to the dead-letter topic
 * @param partitions only these partitions; empty for all
 * @param progress whether to show progress on stderr
 * @param location the archive
 */
record ReplayRequest(String topic, String targetTopic, TimeWindow window, Double ratePerSecond, boolean dryRun,
        boolean skipDeadLettered, SortedSet<Integer> partitions, boolean progress, ArchiveLocation location) {

    ReplayRequest {
        partitions = new TreeSet<>(partitions);
    }

    /** Whether records of this partition are replayed. */
    boolean includes(int partition) {
        return partitions.isEmpty() || partitions.contains(partition);
    }
}
