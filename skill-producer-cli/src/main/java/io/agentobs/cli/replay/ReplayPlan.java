package io.agentobs.cli.replay;

import io.agentobs.cli.TimeWindow;
import io.agentobs.cli.archive.ArchiveListing;
import io.agentobs.cli.archive.ArchivedFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The archive files a replay reads: of the partitions asked for, those whose timestamps reach into the window, per
 * partition in offset order.
 *
 * @param byPartition partition to its files, sorted by start offset
 */
record ReplayPlan(SortedMap<Integer, List<ArchivedFile>> byPartition) {

    ReplayPlan {
        byPartition = Collections.unmodifiableSortedMap(new TreeMap<>(byPartition));
    }

    /** The listed files that may hold records to replay (a listing is sorted by partition and start offset). */
    static ReplayPlan of(ArchiveListing listing, ReplayRequest request) {
        TimeWindow window = request.window();
        SortedMap<Integer, List<ArchivedFile>> byPartition = new TreeMap<>();
        for (ArchivedFile file : listing.files()) {
            if (request.includes(file.info().partition())
                    && window.overlaps(file.info().minTimestampMs(), file.info().maxTimestampMs())) {
                byPartition.computeIfAbsent(file.info().partition(), p -> new ArrayList<>()).add(file);
            }
        }
        return new ReplayPlan(byPartition);
    }

    int files() {
        return byPartition.values().stream().mapToInt(List::size).sum();
    }

    /** Records in the files, as their footers say: what the replay reads, not what it sends. */
    long records() {
        return byPartition.values().stream().flatMap(List::stream).mapToLong(file -> file.info().recordCount()).sum();
    }

    /** The highest partition number with files, or -1 when there are none. */
    int highestPartition() {
        return byPartition.isEmpty() ? -1 : byPartition.lastKey();
    }
}
