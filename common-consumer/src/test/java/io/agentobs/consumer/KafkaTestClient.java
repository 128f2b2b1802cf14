package io.agentobs.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Plain Kafka clients for tests: produce events, read topics from the start, inspect committed offsets. */
final class KafkaTestClient implements AutoCloseable {

    private final Map<String, Object> connection;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Admin admin;

    KafkaTestClient(String bootstrap) {
        this(bootstrap, Map.of());
    }

    /** Clients that also get these settings, e.g. {@code security.protocol} and {@code sasl.*}. */
    KafkaTestClient(String bootstrap, Map<String, Object> clientProperties) {
        this.connection = new HashMap<>(clientProperties);
        this.connection.put("bootstrap.servers", bootstrap);
        this.producer = new KafkaProducer<>(with(Map.of("acks", "all", "linger.ms", 0)),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.admin = Admin.create(connection);
    }

    private Map<String, Object> with(Map<String, Object> settings) {
        Map<String, Object> props = new HashMap<>(connection);
        props.putAll(settings);
        return props;
    }

    /** Creates the topics with the given partition count if they do not exist yet. */
    void createTopics(int partitions, String... topics) throws Exception {
        for (String topic : topics) {
            createTopic(topic, partitions, Map.of());
        }
    }

    /** Creates one topic with the given topic-level settings if it does not exist yet. */
    void createTopic(String topic, int partitions, Map<String, String> configs) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Sends the values in order to one partition (same key) and waits for each acknowledgement. */
    void send(String topic, String key, List<byte[]> values) throws Exception {
        for (byte[] value : values) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads every record of the topic from the beginning that matches, until {@code expected} are found or the time runs out. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic, Predicate<ConsumerRecord<byte[], byte[]>> filter,
                                                 int expected, Duration timeout) {
        Map<String, Object> props = with(Map.of("group.id", "reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "enable.auto.commit", false));
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                }
            }
            // one more short poll so that records beyond the expected count are seen too
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (filter.test(record)) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    /** Committed offset of the group per partition of the topic (partitions without a commit are absent). */
    Map<TopicPartition, Long> committed(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        all.forEach((tp, om) -> {
            if (tp.topic().equals(topic) && om != null) {
                out.put(tp, om.offset());
            }
        });
        return out;
    }

    /** End offset of each given partition. */
    Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** A header's value as text, or null. */
    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
