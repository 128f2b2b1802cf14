package io.agentobs.consumer.buffered;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import io.agentobs.consumer.EventSink;

import org.apache.kafka.common.TopicPartition;

/**
 * A sink that keeps events across batches before they are durable (the audit archive's open files), so Kafka
 * offsets are committed only up to what the sink reports as stored, not after every batch.
 *
 * <p>Declaring a bean of this type switches the consumer to sink-driven commits: the container commits nothing by
 * itself; after each batch and while the consumer is idle, {@link BufferedOffsetCommitter} commits
 * {@link #durableOffsets()}. Lifecycle, all on the consumer thread:
 * <ol>
 *   <li>{@link #partitionsAssigned} with each partition's position: the first offset the sink will see;</li>
 *   <li>{@link #write} for every batch (a retried batch is delivered again: records already buffered are skipped);</li>
 *   <li>{@link #flushDue()} after each batch and every {@link #flushCheckInterval()} while no records arrive;</li>
 *   <li>{@link #partitionsRevoked} (stores what it can within a bounded time, then forgets the partitions) or
 *       {@link #partitionsLost} (forgets them at once).</li>
 * </ol>
 */
public interface BufferingSink extends EventSink {

    /** Partitions newly assigned to this consumer, with the offset each will be read from. */
    void partitionsAssigned(Map<TopicPartition, Long> positions);

    /**
     * Stores what is due by time (idle partitions, old files).
     *
     * @return whether anything was stored
     * @throws Exception if the sink could not store it (tried again later; nothing is committed for it)
     */
    boolean flushDue() throws Exception;

    /**
     * Per assigned partition, the offset before which every record is durably stored: what Kafka may commit.
     * Partitions with nothing new stored may be omitted.
     */
    Map<TopicPartition, Long> durableOffsets();

    /**
     * These partitions are taken away: store what is buffered for them if that can be done quickly, and return the
     * offsets that are durable for them now; then forget them (their next owner reads on from those offsets).
     */
    Map<TopicPartition, Long> partitionsRevoked(Collection<TopicPartition> partitions);

    /** These partitions were lost without a clean hand-over: forget them, nothing can be committed. */
    void partitionsLost(Collection<TopicPartition> partitions);

    /** How often {@link #flushDue()} runs while the consumer receives nothing. */
    Duration flushCheckInterval();

    /** A buffering sink stores every record, the ones that went to the dead-letter topic too. */
    @Override
    default boolean receivesInvalidRecords() {
        return true;
    }
}
