package io.agentobs.audit.archive;

import java.util.List;

/**
 * How the archive files of one partition cover its offsets: from the first file's start to the furthest end, with
 * the ranges no file covers ({@code gaps}) and the ranges more than one file covers ({@code overlaps}).
 */
public record PartitionCoverage(int partition, long firstOffset, long endOffset, int files, long records,
        List<OffsetRange> gaps, List<OffsetRange> overlaps) {

    public PartitionCoverage {
        gaps = List.copyOf(gaps);
        overlaps = List.copyOf(overlaps);
    }
}
