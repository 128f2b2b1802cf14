package io.agentobs.consumer.offsets;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * Consumer offsets a sink stores atomically with its data (db-writer: a PostgreSQL table; metrics: Redis keys).
 *
 * <p>Declaring a bean of this type makes the consumer seek to these offsets whenever partitions are assigned
 * ({@link StoredOffsetSeeker}), so a crash between the sink's commit and Kafka's offset commit neither loses nor
 * repeats a batch. The sink writes {@link io.agentobs.consumer.EventBatch#nextOffsets()} together with the cluster
 * id from {@link KafkaClusterId} in the same transaction as the batch's data; offsets stored for another Kafka
 * cluster (a rebuilt local broker, a migration) are ignored.
 */
public interface SinkOffsets {

    /**
     * The next offset to read for each of these partitions, as stored by this consumer group for this cluster.
     * Partitions with nothing stored are absent from the result.
     *
     * @throws Exception if the sink cannot be read (the consumer then starts from Kafka's committed offsets)
     */
    Map<TopicPartition, Long> load(String clusterId, Collection<TopicPartition> partitions) throws Exception;
}
