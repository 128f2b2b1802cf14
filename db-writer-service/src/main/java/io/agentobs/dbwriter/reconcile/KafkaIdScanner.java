package io.agentobs.dbwriter.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the event ids of one topic's records whose event time is in a window, with a plain consumer that is assigned
 * every partition and joins no group, so it commits nothing and disturbs no one.
 *
 * <p>Each partition is read from the first record stamped at or after {@code from - skew} up to its end offset taken
 * at the start; bounded, up to the first record stamped at or after {@code to + skew} instead. Records arriving
 * meanwhile are left for the next run.
 */
public final class KafkaIdScanner {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_POLL_RECORDS = 5000;

    private final Map<String, Object> clientProperties;
    private final String brokers;
    private final Duration timeout;
    private final EventCodec codec;
    private final int maxListed;

    /**
     * @param clientProperties connection properties ({@code KafkaConnection.clientProperties()})
     * @param brokers the bootstrap servers, for messages
     * @param timeout how long a metadata request, or a partition without progress, may take before Kafka counts as
     *        unreachable
     * @param codec decodes and validates the records
     * @param maxListed how many invalid records to keep coordinates of
     */
    public KafkaIdScanner(Map<String, Object> clientProperties, String brokers, Duration timeout, EventCodec codec,
            int maxListed) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.brokers = brokers;
        this.timeout = timeout;
        this.codec = codec;
        this.maxListed = maxListed;
    }

    /**
     * Scans {@code topic} for the events of {@code range}.
     *
     * @throws ReconcileFailure when Kafka cannot be reached, refuses the client, lacks the topic or stalls
     */
    public KafkaScan scan(Topic topic, TimeRange range, Duration skew, boolean bounded) throws ReconcileFailure {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            Map<TopicPartition, PartitionBounds> bounds = bounds(consumer, topic, range, skew, bounded);
            ScannedEvents events = new ScannedEvents(topic, range, skew, codec, maxListed);
            read(consumer, bounds, events);
            Map<Integer, PartitionBounds> byPartition = new TreeMap<>();
            bounds.forEach((partition, offsets) -> byPartition.put(partition.partition(), offsets));
            return events.result(byPartition);
        } catch (KafkaException e) {
            throw ReconcileFailure.unreachable("cannot read topic " + topic.topicName() + " from Kafka at " + brokers
                    + ": " + ReconcileFailure.describe(e), e);
        }
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "agentobs-reconcile");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // records deleted by retention while the scan runs are gone either way: carry on from the oldest left
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE));
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        return props;
    }

    private Map<TopicPartition, PartitionBounds> bounds(KafkaConsumer<byte[], byte[]> consumer, Topic topic,
            TimeRange range, Duration skew, boolean bounded) throws ReconcileFailure {
        List<PartitionInfo> infos = consumer.partitionsFor(topic.topicName(), timeout);
        if (infos == null || infos.isEmpty()) {
            throw ReconcileFailure.unreachable("Kafka at " + brokers + " has no topic " + topic.topicName(), null);
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        partitions.sort(Comparator.comparingInt(TopicPartition::partition));
        Map<TopicPartition, Long> logStart = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> logEnd = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, OffsetAndTimestamp> first =
                consumer.offsetsForTimes(stamps(partitions, range.from().minus(skew)), timeout);
        Map<TopicPartition, OffsetAndTimestamp> last = bounded
                ? consumer.offsetsForTimes(stamps(partitions, range.to().plus(skew)), timeout)
                : Map.of();
        Map<TopicPartition, PartitionBounds> bounds = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long start = logStart.get(partition);
            long end = logEnd.get(partition);
            OffsetAndTimestamp stop = last.get(partition);
            long scanEnd = stop == null ? end : Math.min(stop.offset(), end);
            OffsetAndTimestamp from = first.get(partition);
            long scanStart = from == null ? scanEnd : Math.min(Math.max(from.offset(), start), scanEnd);
            bounds.put(partition, new PartitionBounds(start, scanStart, scanEnd));
        }
        return bounds;
    }

    private static Map<TopicPartition, Long> stamps(List<TopicPartition> partitions, Instant time) {
        long millis = Math.max(0, time.toEpochMilli());
        Map<TopicPartition, Long> stamps = new HashMap<>();
        partitions.forEach(partition -> stamps.put(partition, millis));
        return stamps;
    }

    private void read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, PartitionBounds> bounds,
            ScannedEvents events) {
        Set<TopicPartition> reading = new HashSet<>();
        bounds.forEach((partition, offsets) -> {
            if (offsets.scanStart() < offsets.scanEnd()) {
                reading.add(partition);
            }
        });
        if (reading.isEmpty()) {
            return;
        }
        consumer.assign(reading);
        reading.forEach(partition -> consumer.seek(partition, bounds.get(partition).scanStart()));
        long lastProgress = System.nanoTime();
        while (!reading.isEmpty()) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            boolean progress = !records.isEmpty();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < bounds.get(partition).scanEnd()) {
                    events.accept(record.value(), new Coordinates(record.partition(), record.offset()),
                            record.timestamp());
                }
            }
            for (Iterator<TopicPartition> it = reading.iterator(); it.hasNext(); ) {
                TopicPartition partition = it.next();
                if (consumer.position(partition, timeout) >= bounds.get(partition).scanEnd()) {
                    consumer.pause(Set.of(partition));
                    it.remove();
                    progress = true;
                }
            }
            if (progress) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                throw new TimeoutException("no records for " + timeout.toSeconds() + "s from partitions " + reading
                        + " before their end offsets");
            }
        }
    }
}
