package io.agentobs.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts backlogs of agent-actions events into Kafka, each in one producer transaction: a read_committed consumer sees
 * none of it until the commit and then all of it at once, so a consumer that is already running meets a real
 * backlog too. Also empties the topic between runs (deleting its records), so a new consumer group reads only the
 * next backlog. Each event has a correlation id of its own unless {@code eventsPerCorrelation} is larger than 1: then
 * that many consecutive events share one, as the actions of one task do.
 */
final class BacklogLoader implements AutoCloseable {

    private final String bootstrapServers;
    private final String topic;
    private final int eventsPerCorrelation;
    private final KafkaProducer<byte[], byte[]> producer;

    BacklogLoader(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, 1);
    }

    BacklogLoader(String bootstrapServers, String topic, int eventsPerCorrelation) {
        if (eventsPerCorrelation < 1) {
            throw new IllegalArgumentException("eventsPerCorrelation must be positive, was " + eventsPerCorrelation);
        }
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.eventsPerCorrelation = eventsPerCorrelation;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 65_536,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "agentobs-bench-" + UUID.randomUUID()),
                new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /** Creates the topic with {@code partitions} partitions and its dead-letter topic. */
    void createTopics(int partitions, String deadLetterTopic) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1),
                    new NewTopic(deadLetterTopic, 1, (short) 1))).all().get();
        }
    }

    /** Sends {@code events} new events (keyed by correlation_id) in one transaction and commits it. */
    Backlog produce(int events, Instant firstEventTime) throws ExecutionException, InterruptedException {
        List<ActionRow> rows = new ArrayList<>(events);
        List<byte[]> keys = new ArrayList<>(events);
        List<byte[]> values = new ArrayList<>(events);
        long valueBytes = 0;
        UUID correlationId = null;
        for (int i = 0; i < events; i++) {
            if (i % eventsPerCorrelation == 0) {
                correlationId = UUID.randomUUID();
            }
            ActionRow row = ActionRow.random(firstEventTime.plusMillis(i), correlationId);
            rows.add(row);
            keys.add(row.correlationId().toString().getBytes(StandardCharsets.UTF_8));
            values.add(row.json());
            valueBytes += values.get(i).length;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(events);
        long start = System.nanoTime();
        producer.beginTransaction();
        for (int i = 0; i < events; i++) {
            sent.add(producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i))));
        }
        producer.commitTransaction();
        long committed = System.nanoTime();
        List<ActionRow> stored = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            RecordMetadata metadata = sent.get(i).get();
            stored.add(rows.get(i).at(metadata.partition(), metadata.offset()));
        }
        return new Backlog(stored, valueBytes, committed - start, committed);
    }

    /** Deletes every record of the topic: a new group starting from the earliest offset reads only what follows. */
    void emptyTopic(int partitions) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) ->
                    delete.put(partition, RecordsToDelete.beforeOffset(info.offset())));
            admin.deleteRecords(delete).all().get();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
