package io.agentobs.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Creates the benchmark topic and fills it with valid agent-actions events through an acks=all producer. */
final class EventLoader {

    private final String bootstrapServers;

    EventLoader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** Sends {@code events} distinct events keyed by correlation_id; returns the time from first send to last ack. */
    Duration produce(String topic, long events) {
        byte[][] keys = new byte[Math.toIntExact(events)][];
        byte[][] values = new byte[keys.length][];
        Instant now = Instant.now();
        for (int i = 0; i < keys.length; i++) {
            UUID correlationId = UUID.randomUUID();
            keys[i] = correlationId.toString().getBytes(StandardCharsets.UTF_8);
            values[i] = BenchEvents.agentAction(UUID.randomUUID(), correlationId, now.plusMillis(i));
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < keys.length; i++) {
                producer.send(new ProducerRecord<>(topic, keys[i], values[i]), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (failure.get() != null) {
            throw new IllegalStateException("producing the benchmark events failed", failure.get());
        }
        return elapsed;
    }

    /** Sum of the topic's end offsets: what a consumer from the beginning will read. */
    long endOffsets(String topic, int partitions) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    private Map<String, Object> producerProperties() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
    }
}
