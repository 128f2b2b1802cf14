package io.agentobs.audit.archive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Checks that the archive files of one topic cover each partition's offsets without gaps or overlaps. */
public final class ArchiveVerifier {

    private static final Comparator<ArchiveFileInfo> BY_RANGE =
            Comparator.comparingLong(ArchiveFileInfo::startOffset).thenComparingLong(ArchiveFileInfo::endOffset);

    private ArchiveVerifier() {
    }

    /**
     * The coverage of each partition, sorted by partition. {@code files} are the footers of one topic's files (any
     * order); a second topic among them is rejected, since partitions of different topics are unrelated.
     */
    public static List<PartitionCoverage> verify(Collection<ArchiveFileInfo> files) {
        TreeSet<String> topics = new TreeSet<>();
        Map<Integer, List<ArchiveFileInfo>> byPartition = new TreeMap<>();
        for (ArchiveFileInfo file : files) {
            topics.add(file.topic());
            byPartition.computeIfAbsent(file.partition(), partition -> new ArrayList<>()).add(file);
        }
        if (topics.size() > 1) {
            throw new IllegalArgumentException("archive files of several topics " + topics + "; verify one at a time");
        }
        List<PartitionCoverage> coverage = new ArrayList<>(byPartition.size());
        byPartition.forEach((partition, partitionFiles) -> coverage.add(cover(partition, partitionFiles)));
        return coverage;
    }

    private static PartitionCoverage cover(int partition, List<ArchiveFileInfo> files) {
        List<ArchiveFileInfo> sorted = new ArrayList<>(files);
        sorted.sort(BY_RANGE);
        List<OffsetRange> gaps = new ArrayList<>();
        List<OffsetRange> overlaps = new ArrayList<>();
        long first = sorted.get(0).startOffset();
        long end = sorted.get(0).endOffset();
        long records = sorted.get(0).recordCount();
        for (ArchiveFileInfo file : sorted.subList(1, sorted.size())) {
            if (file.startOffset() > end) {
                gaps.add(new OffsetRange(end, file.startOffset()));
            } else if (file.startOffset() < end) {
                overlaps.add(new OffsetRange(file.startOffset(), Math.min(end, file.endOffset())));
            }
            end = Math.max(end, file.endOffset());
            records += file.recordCount();
        }
        return new PartitionCoverage(partition, first, end, sorted.size(), records, gaps, overlaps);
    }
}
