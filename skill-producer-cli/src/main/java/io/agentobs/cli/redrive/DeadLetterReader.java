package io.agentobs.cli.redrive;

import io.agentobs.cli.kafka.ProducerSettings;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every partition of a dead-letter topic from a start (the beginning, or the first record at or after an
 * instant) up to the end offsets taken when it opens, so a run ends even while new dead letters arrive. A plain
 * assigned consumer: no group, nothing committed, so reading changes nothing for anyone else.
 *
 * <p>Lifecycle: {@link #open} once, then {@link #poll} until it returns an empty list, then {@link #close}.
 */
final class DeadLetterReader implements AutoCloseable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final Consumer<byte[], byte[]> consumer;
    private final Duration stallTimeout;
    private final Map<TopicPartition, Long> end = new HashMap<>();
    private final Set<TopicPartition> unfinished = new HashSet<>();

    /**
     * @param settings where Kafka is and how to authenticate
     * @param stallTimeout how long {@link #poll} waits for records it knows are there before giving up
     */
    DeadLetterReader(ProducerSettings settings, Duration stallTimeout) {
        this.consumer = new KafkaConsumer<>(consumerProperties(settings), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.stallTimeout = stallTimeout;
    }

    static Map<String, Object> consumerProperties(ProducerSettings settings) {
        Map<String, Object> props = settings.connection().clientProperties();
        props.put("client.id", "agentobs-cli-redrive");
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "earliest");
        // Only what producers committed; a dead-letter publisher's aborted transaction is not a dead letter.
        props.put("isolation.level", "read_committed");
        props.put("allow.auto.create.topics", "false");
        long timeoutMs = Math.max(settings.timeout().toMillis(), 10_000);
        props.put("request.timeout.ms", Long.toString(timeoutMs));
        props.put("default.api.timeout.ms", Long.toString(timeoutMs));
        props.put("metric.reporters", "");
        props.put("enable.metrics.push", "false");
        return props;
    }

    /**
     * Assigns every partition of {@code topic}, takes its end offsets and seeks to the start.
     *
     * @param since read from the first record at or after this timestamp; null for the beginning
     * @return how many records lie between the start and the end offsets
     * @throws UnknownTopicOrPartitionException when the topic does not exist
     */
    long open(String topic, Instant since) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new UnknownTopicOrPartitionException("dead-letter topic " + topic
                    + " does not exist (agentobs topics create makes it)");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        consumer.assign(partitions);
        end.putAll(consumer.endOffsets(partitions));
        Map<TopicPartition, Long> start = start(partitions, since);
        long total = 0;
        for (TopicPartition partition : partitions) {
            long from = Math.min(start.get(partition), end.get(partition));
            consumer.seek(partition, from);
            if (from < end.get(partition)) {
                unfinished.add(partition);
                total += end.get(partition) - from;
            }
        }
        pauseFinished();
        return total;
    }

    private Map<TopicPartition, Long> start(List<TopicPartition> partitions, Instant since) {
        if (since == null) {
            return consumer.beginningOffsets(partitions);
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, since.toEpochMilli()));
        Map<TopicPartition, Long> start = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndTimestamp> found : consumer.offsetsForTimes(times).entrySet()) {
            // No record at or after the instant: nothing to read there.
            start.put(found.getKey(), found.getValue() == null ? end.get(found.getKey()) : found.getValue().offset());
        }
        return start;
    }

    /**
     * The next records before the end offsets, in offset order per partition; empty once every partition has been
     * read to its end.
     *
     * @throws TimeoutException when no record arrives for the stall timeout although some are due
     */
    List<ConsumerRecord<byte[], byte[]>> poll() {
        long deadline = System.nanoTime() + stallTimeout.toNanos();
        while (!unfinished.isEmpty()) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
            List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
            for (TopicPartition partition : records.partitions()) {
                long endOffset = end.get(partition);
                for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                    if (record.offset() < endOffset) {
                        batch.add(record);
                    }
                }
            }
            pauseFinished();
            if (!batch.isEmpty()) {
                return batch;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("no dead letters read from " + unfinished + " within "
                        + stallTimeout.toMillis() + " ms although the end offsets say there are more");
            }
        }
        return List.of();
    }

    /** Stops fetching from partitions read up to their end offset. */
    private void pauseFinished() {
        List<TopicPartition> finished = new ArrayList<>();
        for (TopicPartition partition : unfinished) {
            if (consumer.position(partition) >= end.get(partition)) {
                finished.add(partition);
            }
        }
        finished.forEach(unfinished::remove);
        consumer.pause(finished);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
