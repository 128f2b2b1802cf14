package io.agentobs.cli.audit;

import io.agentobs.audit.archive.OffsetRange;
import io.agentobs.audit.archive.PartitionCoverage;

import java.util.List;

/**
 * What {@code audit verify} found for one topic.
 *
 * @param topic the topic
 * @param partitions each partition's coverage, sorted by partition; empty when no file was found
 * @param vanished files listed but deleted before their footer was read
 */
record TopicCoverage(String topic, List<PartitionCoverage> partitions, int vanished) {

    TopicCoverage {
        partitions = List.copyOf(partitions);
    }

    int files() {
        return partitions.stream().mapToInt(PartitionCoverage::files).sum();
    }

    long records() {
        return partitions.stream().mapToLong(PartitionCoverage::records).sum();
    }

    int gaps() {
        return partitions.stream().mapToInt(partition -> partition.gaps().size()).sum();
    }

    long missingOffsets() {
        return partitions.stream().flatMap(partition -> partition.gaps().stream()).mapToLong(TopicCoverage::count)
                .sum();
    }

    int overlaps() {
        return partitions.stream().mapToInt(partition -> partition.overlaps().size()).sum();
    }

    boolean contiguous() {
        return gaps() == 0 && overlaps() == 0;
    }

    /** How many offsets a half-open range holds. */
    static long count(OffsetRange range) {
        return range.to() - range.from();
    }
}
