package io.agentobs.dbwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agentobs.dbwriter.retention.RetentionJob;
import io.agentobs.dbwriter.table.EventTables;
import io.agentobs.events.Topic;
import io.agentobs.events.samples.SampleEvents;
import io.agentobs.infra.client.KafkaTopics;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.PostgresExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.node.ObjectNode;

/** Retention deletes exactly the rows older than their table's period, and seed 000's debug-log cleanup works. */
class RetentionIT {

    @RegisterExtension
    static final KafkaExtension KAFKA = KafkaExtension.shared();
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.shared();

    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void retentionRemovesOnlyRowsOlderThanTheirTablesPeriod() throws Exception {
        Database database = new Database(POSTGRES.server());
        Instant now = Instant.now();
        Map<String, String> settings = DbWriterServices.settings(KAFKA.bootstrapServers(), POSTGRES.server(), "db-writer-retention-it");
        settings.put("KAFKA_TOPICS", "agent-actions,success-patterns");
        settings.put("agentobs.db-writer.retention.enabled", "true");
        settings.put("agentobs.db-writer.retention.initial-delay", "1h");
        settings.put("agentobs.db-writer.retention.batch-size", "7");
        settings.put("agentobs.db-writer.retention.periods.success_patterns", "400d");
        try (KafkaTopics kafka = new KafkaTopics(KAFKA.bootstrapServers());
             ConfigurableApplicationContext service = DbWriterServices.start(settings)) {
            // agent_actions keeps 7 days (the topic's retention); success_patterns 400 days (configured above)
            List<UUID> expired = send(kafka, Topic.AGENT_ACTIONS, now.minus(DAY.multipliedBy(8)), 20);
            List<UUID> kept = send(kafka, Topic.AGENT_ACTIONS, now.minus(DAY.multipliedBy(6)), 20);
            List<UUID> patternsExpired = send(kafka, Topic.SUCCESS_PATTERNS, now.minus(DAY.multipliedBy(401)), 3);
            List<UUID> patternsKept = send(kafka, Topic.SUCCESS_PATTERNS, now.minus(DAY.multipliedBy(366)), 3);
            await().atMost(Duration.ofSeconds(60)).until(() -> count(database, Topic.AGENT_ACTIONS, expired) == 20
                    && count(database, Topic.AGENT_ACTIONS, kept) == 20
                    && count(database, Topic.SUCCESS_PATTERNS, patternsExpired) == 3
                    && count(database, Topic.SUCCESS_PATTERNS, patternsKept) == 3);

            Map<String, Long> deleted = service.getBean(RetentionJob.class).runOnce();

            assertThat(deleted.get("agent_actions")).isGreaterThanOrEqualTo(20);
            assertThat(count(database, Topic.AGENT_ACTIONS, expired)).isZero();
            assertThat(count(database, Topic.AGENT_ACTIONS, kept)).isEqualTo(20);
            assertThat(count(database, Topic.SUCCESS_PATTERNS, patternsExpired)).isZero();
            assertThat(count(database, Topic.SUCCESS_PATTERNS, patternsKept)).isEqualTo(3);
            assertThat(database.count("SELECT count(*) FROM agent_actions WHERE event_time < now() - interval '7 days'")).isZero();
        }
    }

    @Test
    void cleanupOldDebugLogsDeletesOnlyOldDebugActions() {
        Database database = new Database(POSTGRES.server());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> database.count("SELECT count(*) FROM pg_proc WHERE proname = 'cleanup_old_debug_logs'") == 1
                        || migrate());
        UUID oldDebug = insertAction(database, "40 days", true);
        UUID oldPlain = insertAction(database, "40 days", false);
        UUID recentDebug = insertAction(database, "2 days", true);

        long deleted = database.count("SELECT cleanup_old_debug_logs()");

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM agent_actions WHERE event_id = ANY (?)",
                (Object) new UUID[] {oldDebug, oldPlain, recentDebug})).isEqualTo(2);
        assertThat(database.count("SELECT count(*) FROM agent_actions WHERE event_id = ?", oldDebug)).isZero();
        assertThat(database.count("SELECT cleanup_old_debug_logs(interval '1 day', 1)")).as("batches of one row").isGreaterThanOrEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM agent_actions WHERE event_id = ?", recentDebug)).isZero();
    }

    private static boolean migrate() {
        org.flywaydb.core.Flyway.configure()
                .dataSource(POSTGRES.jdbcUrl(), POSTGRES.username(), POSTGRES.password())
                .locations("classpath:db/migration").load().migrate();
        return true;
    }

    private static UUID insertAction(Database database, String age, boolean debug) {
        UUID id = UUID.randomUUID();
        database.execute("INSERT INTO agent_actions (event_id, correlation_id, event_time, agent_name, action_type, "
                + "action_name, debug_mode, schema_version, kafka_partition, kafka_offset) "
                + "VALUES (?, ?, now() - ?::interval, 'a', 'tool_call', 'Read', ?, 1, 0, 0)", id, UUID.randomUUID(), age, debug);
        return id;
    }

    private static List<UUID> send(KafkaTopics kafka, Topic topic, Instant time, int count) {
        List<UUID> ids = new ArrayList<>();
        List<byte[][]> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode event = SampleEvents.event(topic, time.minusSeconds(i));
            ids.add(UUID.fromString(event.get("event_id").asString()));
            records.add(new byte[][] {SampleEvents.key(topic, event), SampleEvents.bytes(event)});
        }
        kafka.sendAll(topic.topicName(), records);
        return ids;
    }

    private static long count(Database database, Topic topic, List<UUID> ids) {
        return database.count("SELECT count(*) FROM " + EventTables.tableName(topic) + " WHERE event_id = ANY (?)",
                (Object) ids.toArray(UUID[]::new));
    }
}
