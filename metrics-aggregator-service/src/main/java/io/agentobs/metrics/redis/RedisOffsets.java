package io.agentobs.metrics.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.consumer.offsets.SinkOffsets;
import io.agentobs.metrics.aggregate.KeyLayout;
import io.lettuce.core.KeyValue;

import org.apache.kafka.common.TopicPartition;

/**
 * The consumer offsets the Lua script stores with each batch ({@code <prefix>offsets:<group>}): read on every
 * assignment so the consumer seeks to them, and remembered with the partitions' watermarks for the next batch.
 */
public class RedisOffsets implements SinkOffsets {

    private final RedisConnector redis;
    private final KeyLayout keys;
    private final String group;
    private final PartitionPositions positions;

    public RedisOffsets(RedisConnector redis, KeyLayout keys, String group, PartitionPositions positions) {
        this.redis = redis;
        this.keys = keys;
        this.group = group;
        this.positions = positions;
    }

    @Override
    public Map<TopicPartition, Long> load(String clusterId, Collection<TopicPartition> partitions) {
        List<TopicPartition> wanted = new ArrayList<>(partitions);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        String[] fields = wanted.stream()
                .map(p -> KeyLayout.partitionField(clusterId, p.topic(), p.partition()))
                .toArray(String[]::new);
        List<KeyValue<String, String>> offsets = redis.commands().hmget(keys.offsets(group), fields);
        List<KeyValue<String, String>> watermarks = redis.commands().hmget(keys.watermarks(group), fields);
        Map<TopicPartition, Long> stored = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (offsets.get(i).hasValue()) {
                long offset = Long.parseLong(offsets.get(i).getValue());
                String watermark = watermarks.get(i).getValueOrElse("");
                stored.put(wanted.get(i), offset);
                positions.put(wanted.get(i), offset, watermark.isEmpty() ? null : Long.valueOf(watermark));
            }
        }
        return stored;
    }
}
