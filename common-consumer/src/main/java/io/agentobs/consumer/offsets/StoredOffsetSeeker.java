package io.agentobs.consumer.offsets;

import java.time.Duration;
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
 * cannot be read within a few attempts, the partitions start from Kafka's committed offsets; that is never behind
 * the sink by more than the batch in flight at a crash, and sinks that store offsets write idempotently.
 */
public class StoredOffsetSeeker implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(StoredOffsetSeeker.class);

    private final SinkOffsets offsets;
    private final KafkaClusterId clusterId;
    private final int attempts;
    private final Duration pause;

    public StoredOffsetSeeker(SinkOffsets offsets, KafkaClusterId clusterId, int attempts, Duration pause) {
        this.offsets = offsets;
        this.clusterId = clusterId;
        this.attempts = attempts;
        this.pause = pause;
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

    private Map<TopicPartition, Long> loadStored(Collection<TopicPartition> partitions) {
        for (int attempt = 1; ; attempt++) {
            try {
                return offsets.load(clusterId.get(), partitions);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Interrupted while reading stored offsets; starting from the committed offsets");
                return Map.of();
            } catch (Exception e) {
                if (attempt >= attempts) {
                    log.warn("Could not read the offsets stored with the sink's data after {} attempts ({}); "
                            + "starting {} partitions from Kafka's committed offsets", attempts, e.toString(), partitions.size());
                    return Map.of();
                }
                log.info("Reading stored offsets failed ({}), attempt {} of {}", e.toString(), attempt, attempts);
                if (!sleep()) {
                    return Map.of();
                }
            }
        }
    }

    private boolean sleep() {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
