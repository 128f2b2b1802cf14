package io.agentobs.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Events stored in Kafka as one backlog, with where each one landed, so the rows of it a consumer has committed can
 * be counted from the offsets it stored: in each partition, the backlog's records below the stored next offset.
 *
 * @param rows          the events, each with its partition and offset
 * @param valueBytes    bytes of the events' values (their JSON) together
 * @param producedNanos from the first send to the committed transaction
 * @param committedAt   when the transaction's commit returned ({@link System#nanoTime()}): from then on a
 *                      read_committed consumer can read all of it
 */
record Backlog(List<ActionRow> rows, long valueBytes, long producedNanos, long committedAt) {

    Backlog {
        rows = List.copyOf(rows);
    }

    int size() {
        return rows.size();
    }

    /** Bytes of the events as NDJSON: each value on a line of its own, ended by {@code \n}. */
    long ndjsonBytes() {
        return valueBytes + rows.size();
    }

    /** Events per second of producing the backlog. */
    double producedPerSecond() {
        return rows.size() * 1e9 / producedNanos;
    }

    /** A counter of this backlog's rows below stored next offsets. */
    Progress progress() {
        Map<Integer, List<Long>> byPartition = new TreeMap<>();
        for (ActionRow row : rows) {
            byPartition.computeIfAbsent(row.partition(), p -> new ArrayList<>()).add(row.offset());
        }
        Map<Integer, long[]> offsets = new TreeMap<>();
        byPartition.forEach((partition, list) -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            offsets.put(partition, sorted);
        });
        return new Progress(offsets);
    }

    /** The backlog's offsets per partition, sorted. */
    static final class Progress {

        private final Map<Integer, long[]> offsets;

        private Progress(Map<Integer, long[]> offsets) {
            this.offsets = offsets;
        }

        /** Rows of the backlog whose offset is below their partition's next offset. */
        long committed(Map<Integer, Long> nextOffsets) {
            long rows = 0;
            for (Map.Entry<Integer, long[]> entry : offsets.entrySet()) {
                Long next = nextOffsets.get(entry.getKey());
                if (next != null) {
                    int index = Arrays.binarySearch(entry.getValue(), next);
                    rows += index >= 0 ? index : -index - 1;
                }
            }
            return rows;
        }
    }
}
