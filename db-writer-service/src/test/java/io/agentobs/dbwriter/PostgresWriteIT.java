package io.agentobs.dbwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agentobs.dbwriter.table.EventTables;
import io.agentobs.events.Topic;
import io.agentobs.events.samples.SampleEvents;
import io.agentobs.infra.client.KafkaTopics;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.PostgresExtension;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.node.ObjectNode;

/** The service against a real broker and a real PostgreSQL: what lands, what is skipped, what is dead-lettered. */
class PostgresWriteIT {

    @RegisterExtension
    static final KafkaExtension KAFKA = KafkaExtension.shared();
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.shared();

    private static KafkaTopics kafka;
    private static Database database;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void startService() {
        kafka = new KafkaTopics(KAFKA.bootstrapServers());
        database = new Database(POSTGRES.server());
        service = DbWriterServices.start(DbWriterServices.settings(KAFKA.bootstrapServers(), POSTGRES.server(), "db-writer-write-it"));
    }

    @AfterAll
    static void stopService() {
        service.close();
        kafka.close();
    }

    @Test
    void everyTopicLandsInItsTableWithItsColumnValues() {
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Object[]> sent = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            for (int i = 0; i < 3; i++) {
                ObjectNode event = SampleEvents.event(topic, time.minusSeconds(i));
                sent.add(new Object[] {topic, event, kafka.send(topic.topicName(), SampleEvents.key(topic, event), SampleEvents.bytes(event))});
            }
        }
        for (Object[] s : sent) {
            Topic topic = (Topic) s[0];
            ObjectNode event = (ObjectNode) s[1];
            String sql = "SELECT * FROM " + EventTables.tableName(topic) + " WHERE event_id = ?";
            UUID id = UUID.fromString(event.get("event_id").asString());
            await().atMost(Duration.ofSeconds(60)).until(() -> !database.rows(sql, id).isEmpty());
            ColumnValues.assertRowHolds(topic, event, (RecordMetadata) s[2], database.rows(sql, id).get(0));
        }
    }

    @Test
    void sameEventsSentTwiceAreStoredOnceAndCountedAsConflicts() {
        List<byte[][]> events = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ObjectNode event = SampleEvents.event(Topic.AGENT_ACTIONS, Instant.now());
            ids.add(UUID.fromString(event.get("event_id").asString()));
            events.add(new byte[][] {SampleEvents.key(Topic.AGENT_ACTIONS, event), SampleEvents.bytes(event)});
        }
        double conflictsBefore = conflicts("agent_actions");
        kafka.sendAll("agent-actions", events);
        kafka.sendAll("agent-actions", events);

        await().atMost(Duration.ofSeconds(60)).until(() -> conflicts("agent_actions") - conflictsBefore >= 50);
        assertThat(database.count("SELECT count(*) FROM agent_actions WHERE event_id = ANY (?)", (Object) ids.toArray(UUID[]::new)))
                .isEqualTo(50);
        assertThat(conflicts("agent_actions") - conflictsBefore).isEqualTo(50);
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheRestIsWritten() {
        Topic topic = Topic.AGENT_TRANSFORMATION_EVENTS;
        ObjectNode good1 = SampleEvents.event(topic, Instant.now());
        ObjectNode good2 = SampleEvents.event(topic, Instant.now());
        ObjectNode invalid = SampleEvents.event(topic, Instant.now());
        invalid.put("success", "yes");
        ObjectNode unstorable = SampleEvents.event(topic, Instant.now());
        unstorable.put("timestamp", "+300000-01-01T00:00:00Z");
        byte[] malformed = "{\"event_id\": ".getBytes(StandardCharsets.UTF_8);
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        int dlqBefore = kafka.readAll(topic.dlqName(), Integer.MAX_VALUE, Duration.ofSeconds(2)).size();

        kafka.sendAll(topic.topicName(), List.of(
                new byte[][] {key, SampleEvents.bytes(good1)},
                new byte[][] {key, malformed},
                new byte[][] {key, SampleEvents.bytes(invalid)},
                new byte[][] {key, SampleEvents.bytes(unstorable)},
                new byte[][] {key, SampleEvents.bytes(good2)}));

        List<ConsumerRecord<byte[], byte[]>> dlq = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dlq.clear();
            dlq.addAll(kafka.readAll(topic.dlqName(), dlqBefore + 3, Duration.ofSeconds(2)));
            return dlq.size() >= dlqBefore + 3;
        });
        List<ConsumerRecord<byte[], byte[]>> letters = dlq.subList(dlqBefore, dlq.size());
        assertThat(letters).extracting(r -> KafkaTopics.header(r, "x-error-class"))
                .containsExactlyInAnyOrder("MALFORMED_JSON", "SCHEMA_INVALID", "REJECTED_BY_SINK");
        ConsumerRecord<byte[], byte[]> refused = letters.stream()
                .filter(r -> "REJECTED_BY_SINK".equals(KafkaTopics.header(r, "x-error-class"))).findFirst().orElseThrow();
        assertThat(refused.value()).isEqualTo(SampleEvents.bytes(unstorable));
        assertThat(KafkaTopics.header(refused, "x-error-message")).contains("PostgreSQL refused the row").contains("SQLSTATE 22");
        assertThat(KafkaTopics.header(refused, "x-original-topic")).isEqualTo(topic.topicName());
        assertThat(KafkaTopics.header(refused, "x-original-offset")).isNotBlank();
        assertThat(KafkaTopics.header(refused, "x-consumer-group")).isEqualTo("db-writer-write-it");
        assertThat(KafkaTopics.header(refused, "x-failed-at")).isNotBlank();
        for (ObjectNode good : List.of(good1, good2)) {
            assertThat(database.count("SELECT count(*) FROM agent_transformation_events WHERE event_id = ?",
                    UUID.fromString(good.get("event_id").asString()))).isEqualTo(1);
        }
        assertThat(service.getBean(MeterRegistry.class).get("agentobs.dbwriter.rows.rejected")
                .tag("table", "agent_transformation_events").counter().count()).isEqualTo(1);
    }

    @Test
    void rowRefusedWithoutACopyLineIsFoundByHalvingAndTheRestIsWritten() {
        // A trigger refuses one marked row. On the staging path it fires inside INSERT … SELECT, where PostgreSQL
        // names no COPY line, so the writer has to narrow the row down.
        String marker = "poison-" + UUID.randomUUID();
        database.execute("CREATE OR REPLACE FUNCTION test_refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.pattern_name = '" + marker + "' THEN RAISE EXCEPTION 'refused by test trigger' USING ERRCODE = '22023'; "
                + "END IF; RETURN NEW; END $$");
        database.execute("CREATE TRIGGER test_refuse_marked BEFORE INSERT ON success_patterns "
                + "FOR EACH ROW EXECUTE FUNCTION test_refuse_marked()");
        try {
            Topic topic = Topic.SUCCESS_PATTERNS;
            ObjectNode stored = SampleEvents.event(topic, Instant.now());
            kafka.send(topic.topicName(), SampleEvents.key(topic, stored), SampleEvents.bytes(stored));
            await().atMost(Duration.ofSeconds(60)).until(() -> database.count(
                    "SELECT count(*) FROM success_patterns WHERE event_id = ?", uuid(stored)) == 1);
            double halvingBefore = redone("halving");
            ObjectNode poison = SampleEvents.event(topic, Instant.now());
            poison.put("pattern_name", marker);
            List<ObjectNode> good = List.of(SampleEvents.event(topic, Instant.now()), SampleEvents.event(topic, Instant.now()),
                    SampleEvents.event(topic, Instant.now()));
            List<byte[][]> batch = new ArrayList<>();
            // the duplicate first: its COPY fails, the topic goes through staging, and the trigger fires there
            for (ObjectNode event : List.of(stored, good.get(0), poison, good.get(1), good.get(2))) {
                batch.add(new byte[][] {SampleEvents.key(topic, event), SampleEvents.bytes(event)});
            }
            kafka.sendAll(topic.topicName(), batch);

            await().atMost(Duration.ofSeconds(60)).until(() -> good.stream().allMatch(e -> database.count(
                    "SELECT count(*) FROM success_patterns WHERE event_id = ?", uuid(e)) == 1));
            assertThat(database.count("SELECT count(*) FROM success_patterns WHERE event_id = ?", uuid(poison))).isZero();
            List<ConsumerRecord<byte[], byte[]>> dlq = kafka.readAll(topic.dlqName(), Integer.MAX_VALUE, Duration.ofSeconds(3));
            assertThat(dlq).filteredOn(r -> java.util.Arrays.equals(r.value(), SampleEvents.bytes(poison))).singleElement()
                    .satisfies(r -> assertThat(KafkaTopics.header(r, "x-error-message")).contains("refused by test trigger"));
            assertThat(redone("halving")).as("halving used: the five records came in one batch").isGreaterThan(halvingBefore);
        } finally {
            database.execute("DROP TRIGGER test_refuse_marked ON success_patterns");
        }
    }

    @Test
    void offsetsAreStoredWithTheRowsForThisKafkaCluster() throws Exception {
        ObjectNode event = SampleEvents.event(Topic.SUCCESS_PATTERNS, Instant.now());
        RecordMetadata sent = kafka.send("success-patterns", SampleEvents.key(Topic.SUCCESS_PATTERNS, event), SampleEvents.bytes(event));
        String clusterId;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            clusterId = admin.describeCluster().clusterId().get();
        }
        String sql = "SELECT next_offset, kafka_cluster_id FROM agentobs_consumer_offsets "
                + "WHERE consumer_group = 'db-writer-write-it' AND topic = 'success-patterns' AND kafka_partition = ?";
        await().atMost(Duration.ofSeconds(60)).until(() -> !database.rows(sql, sent.partition()).isEmpty()
                && ((Number) database.rows(sql, sent.partition()).get(0).get("next_offset")).longValue() > sent.offset());
        assertThat(database.rows(sql, sent.partition()).get(0).get("kafka_cluster_id")).isEqualTo(clusterId);
    }

    @Test
    void committedKafkaOffsetsBehindTheDatabaseAreNotReadAgain() throws Exception {
        String group = "db-writer-rewind-it";
        List<byte[][]> first = actions(30);
        Map<String, String> settings = DbWriterServices.settings(KAFKA.bootstrapServers(), POSTGRES.server(), group);
        settings.put("KAFKA_TOPICS", "router-performance-metrics");
        String table = "router_performance_metrics";
        long before;
        try (ConfigurableApplicationContext a = DbWriterServices.start(settings)) {
            kafka.sendAll("router-performance-metrics", first);
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(group) == kafka.endOffsets("router-performance-metrics")
                    .values().stream().mapToLong(Long::longValue).sum());
            before = database.count("SELECT count(*) FROM " + table);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            TopicPartition partition = new TopicPartition("router-performance-metrics", 0);
            long start = admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).all().get().get(partition).offset();
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(start))).all().get();
        }
        try (ConfigurableApplicationContext b = DbWriterServices.start(settings)) {
            kafka.sendAll("router-performance-metrics", actions(10));
            await().atMost(Duration.ofSeconds(60)).until(() -> database.count("SELECT count(*) FROM " + table) == before + 10);
            // Read by this service: the 10 new records only, not the 30 behind the rewound Kafka offset. (Row
            // conflicts say nothing here: the class's own service also writes this topic into the same table.)
            MeterRegistry meters = b.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> meters.find("agentobs.consumer.records.consumed")
                    .tag("topic", "router-performance-metrics").counter() != null
                    && meters.get("agentobs.consumer.records.consumed").tag("topic", "router-performance-metrics")
                    .counter().count() >= 10);
            assertThat(meters.get("agentobs.consumer.records.consumed").tag("topic", "router-performance-metrics")
                    .counter().count()).isEqualTo(10);
        }
    }

    private static List<byte[][]> actions(int count) {
        List<byte[][]> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode event = SampleEvents.event(Topic.ROUTER_PERFORMANCE_METRICS, Instant.now());
            events.add(new byte[][] {SampleEvents.key(Topic.ROUTER_PERFORMANCE_METRICS, event), SampleEvents.bytes(event)});
        }
        return events;
    }

    private long committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    private static UUID uuid(ObjectNode event) {
        return UUID.fromString(event.get("event_id").asString());
    }

    private static double redone(String reason) {
        var counter = service.getBean(MeterRegistry.class).find("agentobs.dbwriter.transactions.redone").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static double conflicts(String table) {
        return service.getBean(MeterRegistry.class).get("agentobs.dbwriter.rows.conflicts").tag("table", table).counter().count();
    }
}
