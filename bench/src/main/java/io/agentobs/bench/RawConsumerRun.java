package io.agentobs.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The in-run reference: a bare {@link KafkaConsumer} poll loop that only counts records and commits each poll. */
final class RawConsumerRun {

    static final int MAX_POLL_RECORDS = 500;
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    private RawConsumerRun() {
    }

    /** Consumes the topic from the beginning with a fresh group until {@code events} records were seen. */
    static Measurement run(String bootstrapServers, String topic, long events, String groupId, Duration timeout) {
        return run(bootstrapServers, List.of(topic), events, groupId, timeout);
    }

    /** Consumes the topics from the beginning with a fresh group until {@code events} records were seen in all. */
    static Measurement run(String bootstrapServers, List<String> topics, long events, String groupId,
                           Duration timeout) {
        EventCounter counter = new EventCounter(events);
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            while (!counter.reached()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("raw consumer saw " + counter.count() + " of " + events
                            + " events within " + timeout);
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                if (!records.isEmpty()) {
                    counter.add(records.count());
                    consumer.commitSync();
                }
            }
        }
        return counter.measurement("raw KafkaConsumer, max.poll.records " + MAX_POLL_RECORDS, start);
    }
}
