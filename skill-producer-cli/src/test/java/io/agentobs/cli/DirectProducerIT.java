package io.agentobs.cli;

import io.agentobs.events.codec.EventJson;
import io.agentobs.infra.junit.KafkaExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A one-event publish over the direct path against a real broker: the KafkaProducer's partition for every key, every
 * acks setting, the compressed fallback, and a dead first bootstrap address.
 */
class DirectProducerIT {

    @RegisterExtension
    static final KafkaExtension kafka = KafkaExtension.shared();

    private static final String TOPIC = "agent-actions";
    /** agent-actions' partition count in the topic plan. */
    private static final int PLANNED_PARTITIONS = 12;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path spool;

    private static int partitions;

    @BeforeAll
    static void createTopics(@TempDir Path spool) throws Exception {
        CliRun created = CliRun.run(Map.of("KAFKA_BROKERS", kafka.bootstrapServers(), "AGENTOBS_SPOOL_DIR",
                spool.toString()), "topics", "create");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            int existing = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size();
            if (existing < PLANNED_PARTITIONS) {
                // An earlier test class of this JVM auto-created the topic with the broker's single partition.
                admin.createPartitions(Map.of(TOPIC, NewPartitions.increaseTo(PLANNED_PARTITIONS))).all().get();
            }
            // Topic metadata catches up with a partition increase asynchronously.
            partitions = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                    () -> admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size(),
                    count -> count >= PLANNED_PARTITIONS);
        }
        assertThat(partitions).isGreaterThan(1);
        // A partition of a topic just created may refuse records for a moment; the acks=0 test would lose its event
        // then (acks=0 never hears of the refusal), so wait, through the retrying KafkaProducer, until all take them.
        StringBuilder warmUp = new StringBuilder();
        Set<Integer> covered = new HashSet<>();
        while (covered.size() < partitions) {
            String key = UUID.randomUUID().toString();
            if (covered.add(kafkasPartition(key))) {
                warmUp.append(actionLine(UUID.randomUUID().toString(), key, "agent-warm-up"));
            }
        }
        CliRun published = CliRun.run(Map.of("KAFKA_BROKERS", kafka.bootstrapServers(), "AGENTOBS_SPOOL_DIR",
                spool.toString()), warmUp.toString().getBytes(StandardCharsets.UTF_8), "publish", "--topic", TOPIC);
        assertThat(published.exitCode()).as(published.toString()).isZero();
        assertThat(published.json().get("sent").asInt()).as(published.toString()).isEqualTo(partitions);
    }

    private static String actionLine(String eventId, String correlationId, String agent) {
        return "{\"event_id\":\"" + eventId + "\",\"correlation_id\":\"" + correlationId + "\",\"agent_name\":\""
                + agent + "\",\"action_type\":\"tool_call\",\"action_name\":\"Read\","
                + "\"timestamp\":\"2026-11-23T10:00:00.123Z\"}\n";
    }

    private Map<String, String> env(String... overrides) {
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_BROKERS", kafka.bootstrapServers(),
                "AGENTOBS_SPOOL_DIR", spool.toString()));
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return env;
    }

    /** log-action for {@code correlationId}; the run must have sent the event, not spooled it. */
    private static JsonNode logAction(Map<String, String> env, String correlationId) {
        CliRun run = CliRun.run(env, "log-action", "--correlation-id", correlationId, "--agent", "agent-direct",
                "--action-type", "tool_call", "--action-name", "Read", "--details", "{\"key\":\"" + correlationId
                        + "\"}");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("success").asBoolean()).as(run.toString()).isTrue();
        assertThat(result.has("spooled")).as(run.toString()).isFalse();
        assertThat(result.get("topic").asString()).isEqualTo(TOPIC);
        return result;
    }

    private static int kafkasPartition(String key) {
        return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions);
    }

    /** The record holding {@code eventId}, waited for (an acks=0 send returns before the broker appends). */
    private static ConsumerRecord<String, byte[]> awaitRecord(String eventId) {
        AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
        await().atMost(READ_TIMEOUT).until(() -> {
            Optional<ConsumerRecord<String, byte[]>> record = TopicReader.readAll(kafka.bootstrapServers(), TOPIC, 1,
                    READ_TIMEOUT).stream().filter(r -> eventId.equals(eventIdOf(r))).findFirst();
            record.ifPresent(found::set);
            return record.isPresent();
        });
        return found.get();
    }

    private static String eventIdOf(ConsumerRecord<String, byte[]> record) {
        JsonNode event = EventJson.mapper().readTree(record.value());
        return event.has("event_id") ? event.get("event_id").asString() : null;
    }

    @Test
    void oneEventLandsOnThePartitionTheKafkaProducerPicksForItsKey() {
        List<String> keys = new ArrayList<>();
        StringBuilder ndjson = new StringBuilder();
        Map<String, String> bulkEventIds = new HashMap<>();
        for (int i = 0; i < 48; i++) {
            String key = UUID.randomUUID().toString();
            String eventId = UUID.randomUUID().toString();
            keys.add(key);
            bulkEventIds.put(key, eventId);
            ndjson.append(actionLine(eventId, key, "agent-bulk"));
        }
        CliRun bulk = CliRun.run(env(), ndjson.toString().getBytes(StandardCharsets.UTF_8), "publish", "--topic",
                TOPIC);
        assertThat(bulk.exitCode()).as(bulk.toString()).isZero();
        assertThat(bulk.json().get("sent").asLong()).as(bulk.toString()).isEqualTo(keys.size());

        Map<String, Integer> directPartitions = new HashMap<>();
        for (String key : keys) {
            directPartitions.put(key, logAction(env(), key).get("partition").asInt());
        }

        Map<String, Integer> producerPartitions = new HashMap<>();
        Set<String> wanted = new HashSet<>(bulkEventIds.values());
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(kafka.bootstrapServers(), TOPIC,
                keys.size(), READ_TIMEOUT)) {
            if (wanted.contains(eventIdOf(record))) {
                producerPartitions.put(record.key(), record.partition());
            }
        }
        assertThat(producerPartitions).as("partitions the KafkaProducer chose").hasSize(keys.size());
        assertThat(directPartitions).isEqualTo(producerPartitions);
        for (String key : keys) {
            assertThat(directPartitions.get(key)).as(key).isEqualTo(kafkasPartition(key));
        }
        assertThat(new HashSet<>(directPartitions.values())).as("keys spread over partitions").hasSizeGreaterThan(1);
    }

    @ParameterizedTest(name = "KAFKA_ACKS={0}")
    @ValueSource(strings = {"0", "1", "all", "-1"})
    void everyAcksSettingDeliversTheEvent(String acks) {
        String key = UUID.randomUUID().toString();

        JsonNode result = logAction(env("KAFKA_ACKS", acks), key);

        ConsumerRecord<String, byte[]> record = awaitRecord(result.get("event_id").asString());
        assertThat(record.key()).isEqualTo(key);
        assertThat(record.partition()).isEqualTo(result.get("partition").asInt()).isEqualTo(kafkasPartition(key));
        if (!acks.equals("0")) {
            assertThat(record.offset()).isEqualTo(result.get("offset").asLong());
        }
        JsonNode event = EventJson.mapper().readTree(record.value());
        assertThat(event.get("correlation_id").asString()).isEqualTo(key);
        assertThat(event.get("action_details").get("key").asString()).isEqualTo(key);
    }

    @Test
    void compressedOneEventGoesThroughTheKafkaProducerWithItsKey() {
        for (int i = 0; i < 4; i++) {
            String key = UUID.randomUUID().toString();

            JsonNode result = logAction(env("KAFKA_COMPRESSION", "lz4"), key);

            ConsumerRecord<String, byte[]> record = awaitRecord(result.get("event_id").asString());
            assertThat(record.key()).isEqualTo(key);
            assertThat(record.partition()).isEqualTo(result.get("partition").asInt()).isEqualTo(kafkasPartition(key));
            assertThat(record.offset()).isEqualTo(result.get("offset").asLong());
        }
    }

    @Test
    void deadFirstBootstrapAddressStillSends() {
        String key = UUID.randomUUID().toString();

        JsonNode result = logAction(env("KAFKA_BROKERS", "127.0.0.1:1," + kafka.bootstrapServers(),
                "AGENTOBS_SEND_TIMEOUT_MS", "10000"), key);

        ConsumerRecord<String, byte[]> record = awaitRecord(result.get("event_id").asString());
        assertThat(record.key()).isEqualTo(key);
        assertThat(record.partition()).isEqualTo(result.get("partition").asInt()).isEqualTo(kafkasPartition(key));
        assertThat(record.offset()).isEqualTo(result.get("offset").asLong());
    }
}
