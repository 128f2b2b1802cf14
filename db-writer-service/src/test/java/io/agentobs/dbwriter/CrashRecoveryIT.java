package io.agentobs.dbwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.agentobs.events.Topic;
import io.agentobs.events.samples.SampleEvents;
import io.agentobs.infra.client.KafkaTopics;
import io.agentobs.infra.client.ServiceHttp;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.PostgresExtension;
import io.agentobs.infra.process.ServiceProcess;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.node.ObjectNode;

/** A service process killed with SIGKILL mid-stream and started again ends with exactly one row per event. */
class CrashRecoveryIT {

    @RegisterExtension
    static final KafkaExtension KAFKA = KafkaExtension.shared();
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.shared();

    private static final Topic TOPIC = Topic.FAILURE_PATTERNS;
    private static final int EVENTS = 4_000;

    @TempDir
    Path logs;

    @Test
    void killedMidStreamAndRestartedEndsWithExactlyOneRowPerEventAndReadsNothingTwice() throws Exception {
        ensurePartitions(3);
        Database database = new Database(POSTGRES.server());
        List<UUID> sent = new CopyOnWriteArrayList<>();
        AtomicInteger produced = new AtomicInteger();
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        Path log = logs.resolve("service.log");
        try (KafkaTopics kafka = new KafkaTopics(KAFKA.bootstrapServers())) {
            // 100 events every 50 ms: about 2,000 events/s for 2 s, through the kill and the restart
            producer.scheduleAtFixedRate(() -> {
                List<byte[][]> events = new ArrayList<>();
                for (int i = 0; i < 100 && produced.getAndIncrement() < EVENTS; i++) {
                    ObjectNode event = SampleEvents.event(TOPIC, Instant.now());
                    sent.add(UUID.fromString(event.get("event_id").asString()));
                    events.add(new byte[][] {SampleEvents.key(TOPIC, event), SampleEvents.bytes(event)});
                }
                kafka.sendAll(TOPIC.topicName(), events);
            }, 0, 50, TimeUnit.MILLISECONDS);

            try (ServiceProcess first = ServiceProcess.start(serviceJar(), environment(), log)) {
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> !first.isAlive() || stored(database, sent) >= 300);
                assertThat(first.isAlive()).as("service running, see %s", log).isTrue();
                first.kill();
            }
            long atKill = stored(database, sent);
            assertThat(atKill).isLessThan(EVENTS);

            try (ServiceProcess second = ServiceProcess.start(serviceJar(), environment(), log)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> sent.size() == EVENTS && stored(database, sent) == EVENTS);
                Set<UUID> distinct = Set.copyOf(sent);
                assertThat(distinct).hasSize(EVENTS);
                assertThat(database.count("SELECT count(DISTINCT event_id) FROM failure_patterns WHERE event_id = ANY (?)",
                        (Object) sent.toArray(UUID[]::new))).isEqualTo(EVENTS);
                await().atMost(Duration.ofSeconds(30)).until(() -> ServiceHttp.status(second.port(), "/actuator/health/readiness") == 200);
                assertThat(conflictsOf(second.port())).as("rows read twice after the restart, see %s", log).isZero();
            }
        } finally {
            producer.shutdownNow();
        }
        assertThat(Files.readString(log)).contains("Resuming");
    }

    private static double conflictsOf(int port) throws Exception {
        double total = 0;
        int lines = 0;
        for (String line : ServiceHttp.get(port, "/actuator/prometheus").body().split("\n")) {
            if (line.startsWith("agentobs_dbwriter_rows_conflicts_total{")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                lines++;
            }
        }
        assertThat(lines).as("conflict counters exported").isGreaterThan(0);
        return total;
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        DbWriterServices.settings(KAFKA.bootstrapServers(), POSTGRES.server(), "db-writer-crash-it").forEach((key, value) -> {
            if (key.equals(key.toUpperCase())) {
                env.put(key, value);
            }
        });
        env.put("KAFKA_TOPICS", TOPIC.topicName());
        // the killed member's partitions move to the new process once its session expires
        env.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
        env.put("AGENTOBS_DBWRITER_RETENTION_ENABLED", "false");
        return env;
    }

    private static void ensurePartitions(int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(TOPIC.topicName())) {
                admin.createTopics(List.of(new NewTopic(TOPIC.topicName(), partitions, (short) 1))).all().get();
            } else if (admin.describeTopics(List.of(TOPIC.topicName())).allTopicNames().get()
                    .get(TOPIC.topicName()).partitions().size() < partitions) {
                admin.createPartitions(Map.of(TOPIC.topicName(), NewPartitions.increaseTo(partitions))).all().get();
            }
        }
    }

    private static long stored(Database database, List<UUID> ids) {
        return database.count("SELECT count(*) FROM failure_patterns WHERE event_id = ANY (?)", (Object) ids.toArray(UUID[]::new));
    }

    private static Path serviceJar() throws IOException {
        return ServiceProcess.jarOf(Path.of("target"), "db-writer-service");
    }
}
