package io.agentobs.consumer.offsets;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Moves newly assigned partitions to the offsets their sink stored with its data ({@link SinkOffsets}), so the
 * first batch after an assignment starts exactly after what the sink holds, whatever Kafka's committed offset says.
 *
 * <p>A stored offset beyond the partition's end (the topic was re-created) is ignored with a warning. If the sink
 * cannot be read, the partitions start from Kafka's committed offsets; that is never behind
 * the sink by more than the batch in flight at a crash, and sinks that store offsets write idempotently.
 */
public class StoredOffsetSeeker implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(StoredOffsetSeeker.class);

    private final SinkOffsets offsets;
    private final KafkaClusterId clusterId;

    public StoredOffsetSeeker(SinkOffsets offsets, KafkaClusterId clusterId) {
        this.offsets = offsets;
        this.clusterId = clusterId;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored = loadStored(partitions);
        if (stored.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(stored.keySet());
        Map<String, Long> sought = new TreeMap<>();
        stored.forEach((partition, offset) -> {
            Long end = ends.get(partition);
            if (end != null && offset > end) {
                log.warn("Offset {} stored for {} is beyond the partition's end {} (topic re-created?); "
                        + "starting from the committed offset instead", offset, partition, end);
                return;
            }
            consumer.seek(partition, offset);
            sought.put(partition.toString(), offset);
        });
        log.info("Resuming {} partitions from the offsets stored with the sink's data: {}", sought.size(), sought);
    }

    /**
     * One read, no retry: this runs inside the consumer's poll, and waiting here would hold up the whole group's
     * rebalance. If the sink cannot be read, the partitions start from Kafka's committed offsets.
     */
    private Map<TopicPartition, Long> loadStored(Collection<TopicPartition> partitions) {
        try {
            return offsets.load(clusterId.get(), partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while reading stored offsets; starting from the committed offsets");
        } catch (Exception e) {
            log.warn("Could not read the offsets stored with the sink's data ({}); starting {} partitions from "
                    + "Kafka's committed offsets", e.toString(), partitions.size());
        }
        return Map.of();
    }
}
