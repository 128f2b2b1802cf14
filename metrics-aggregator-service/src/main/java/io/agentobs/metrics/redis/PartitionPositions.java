package io.agentobs.metrics.redis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;

/**
 * What this instance last knew Redis to hold per partition (next offset and watermark): filled on assignment and
 * after every applied batch, so the next batch is aggregated against the right watermark. Only a hint: the Lua
 * script checks it against Redis and reports a conflict when it is stale.
 */
public final class PartitionPositions {

    /**
     * A partition's position.
     *
     * @param nextOffset the next offset Redis holds
     * @param watermark the watermark Redis holds (epoch ms), null when none
     */
    public record Position(long nextOffset, Long watermark) {
    }

    private final Map<TopicPartition, Position> positions = new ConcurrentHashMap<>();

    public void put(TopicPartition partition, long nextOffset, Long watermark) {
        positions.put(partition, new Position(nextOffset, watermark));
    }

    /** The known position, or null. */
    public Position get(TopicPartition partition) {
        return positions.get(partition);
    }
}
