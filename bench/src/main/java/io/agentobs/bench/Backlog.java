package io.agentobs.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * Events stored in Kafka as one backlog, with where each one landed, so the events of it a consumer has committed
 * can be counted from the offsets it stored: in each topic partition, the backlog's events below the stored next
 * offset.
 *
 * @param events        every event: its topic partition, offset and value size, in the order they were sent
 * @param rows          the same events as agent_actions rows, each at its partition and offset, when the backlog
 *                      is the bench's agent actions; empty for other traffic
 * @param producedNanos from the first send to the committed transaction
 * @param committedAt   when the transaction's commit returned ({@link System#nanoTime()}): from then on a
 *                      read_committed consumer can read all of it
 */
record Backlog(List<Stored> events, List<ActionRow> rows, long producedNanos, long committedAt) {

    /** One event as Kafka stored it: where, and how many bytes its value (its JSON) has. */
    record Stored(TopicPartition partition, long offset, int valueBytes) {
    }

    Backlog {
        events = List.copyOf(events);
        rows = List.copyOf(rows);
    }

    int size() {
        return events.size();
    }

    /** Bytes of the events as NDJSON: each value on a line of its own, ended by {@code \n}. */
    long ndjsonBytes() {
        long bytes = 0;
        for (Stored event : events) {
            bytes += event.valueBytes() + 1;
        }
        return bytes;
    }

    /** Events per second of producing the backlog. */
    double producedPerSecond() {
        return events.size() * 1e9 / producedNanos;
    }

    /** A counter of this backlog's events below stored next offsets. */
    Progress progress() {
        Map<TopicPartition, List<Long>> byPartition = new HashMap<>();
        for (Stored event : events) {
            byPartition.computeIfAbsent(event.partition(), p -> new ArrayList<>()).add(event.offset());
        }
        Map<TopicPartition, long[]> offsets = new HashMap<>();
        byPartition.forEach((partition, list) -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            offsets.put(partition, sorted);
        });
        return new Progress(offsets);
    }

    /** The backlog's offsets per topic partition, sorted. */
    static final class Progress {

        private final Map<TopicPartition, long[]> offsets;

        private Progress(Map<TopicPartition, long[]> offsets) {
            this.offsets = offsets;
        }

        /** Events of the backlog whose offset is below their topic partition's next offset. */
        long committed(Map<TopicPartition, Long> nextOffsets) {
            long events = 0;
            for (Map.Entry<TopicPartition, long[]> entry : offsets.entrySet()) {
                Long next = nextOffsets.get(entry.getKey());
                if (next != null) {
                    int index = Arrays.binarySearch(entry.getValue(), next);
                    events += index >= 0 ? index : -index - 1;
                }
            }
            return events;
        }
    }
}
