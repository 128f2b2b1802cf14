package io.agentobs.metrics.aggregate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

/**
 * One partition's share of a batch, aggregated: the deltas per Redis key, the offsets they cover and the partition's
 * watermark before and after them. The Lua script applies it only if Redis still holds {@code firstOffset} and
 * {@code watermarkBefore} for the partition (or nothing at all).
 *
 * @param partition the Kafka partition
 * @param firstOffset the offset the deltas start at: what Redis must hold as the partition's next offset
 * @param nextOffset the offset after the last record covered, stored once applied
 * @param watermarkBefore newest event time (epoch ms) before these records; null when none was seen yet
 * @param watermarkAfter newest event time after them; null when still none
 * @param newestRouting newest routing decision time counted in these records; null when there was none
 * @param keys delta per Redis key
 * @param aggregated events counted into windows, per topic name
 * @param late events counted only as late, per topic name
 */
public record PartitionDeltas(TopicPartition partition, long firstOffset, long nextOffset, Long watermarkBefore,
                              Long watermarkAfter, Long newestRouting, Map<String, KeyDelta> keys,
                              Map<String, Long> aggregated, Map<String, Long> late) {

    /**
     * The deltas of several partitions added up per key: what one script call writes. The partitions' own deltas
     * are left as they are (a key several of them touch gets a new delta).
     */
    public static Map<String, KeyDelta> mergedKeys(List<PartitionDeltas> partitions) {
        if (partitions.size() == 1) {
            return partitions.get(0).keys();
        }
        Map<String, KeyDelta> merged = new LinkedHashMap<>();
        Set<String> copied = new HashSet<>();
        for (PartitionDeltas partition : partitions) {
            partition.keys().forEach((key, delta) -> {
                KeyDelta existing = merged.putIfAbsent(key, delta);
                if (existing != null) {
                    if (copied.add(key)) {
                        KeyDelta copy = existing.emptyCopy();
                        copy.addAll(existing);
                        merged.put(key, copy);
                        existing = copy;
                    }
                    existing.addAll(delta);
                }
            });
        }
        return merged;
    }
}
