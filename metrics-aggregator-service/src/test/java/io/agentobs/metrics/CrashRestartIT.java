package io.agentobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.agentobs.events.Topic;
import io.agentobs.infra.client.KafkaTopics;
import io.agentobs.infra.client.ServiceHttp;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.RedisExtension;
import io.agentobs.infra.process.ServiceProcess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.node.ObjectNode;

/**
 * A service process killed with SIGKILL mid-stream and started again leaves Redis exactly as an uninterrupted run of
 * the same records into another database does: every key, every field, late counters, watermarks and offsets.
 */
class CrashRestartIT {

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final List<Topic> TOPICS = List.of(Topic.AGENT_ACTIONS, Topic.TASK_EXECUTIONS,
            Topic.AGENT_ROUTING_DECISIONS, Topic.ROUTER_PERFORMANCE_METRICS);
    private static final int EVENTS = 6_000;
    private static final String CRASHED = "metrics-crash-it";
    private static final String REFERENCE = "metrics-crash-it-reference";

    @TempDir
    Path logs;

    @Test
    void killedMidStreamAndRestartedLeavesTheSameRedisStateAsAnUninterruptedRun() throws Exception {
        SentEvents.createTopics(KAFKA.bootstrapServers(), 3, TOPICS);
        List<ObjectNode> events = events();
        Path log = logs.resolve("service.log");
        AtomicInteger produced = new AtomicInteger();
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        SentEvents sent = new SentEvents();
        try (KafkaTopics kafka = new KafkaTopics(KAFKA.bootstrapServers());
             RedisDump crashed = new RedisDump(REDIS.host(), REDIS.port(), 0);
             RedisDump reference = new RedisDump(REDIS.host(), REDIS.port(), 1)) {
            try (ServiceProcess first = ServiceProcess.start(serviceJar(), environment(), log)) {
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> !first.isAlive() || ServiceHttp.status(first.port(), "/actuator/health/readiness") == 200);
                assertThat(first.isAlive()).as("service running, see %s", log).isTrue();
                // 50 events every 50 ms: about 1,000 events/s for 6 s, through the kill and the restart
                producer.scheduleAtFixedRate(() -> {
                    int from = produced.getAndAdd(50);
                    if (from < EVENTS) {
                        sent.send(kafka, events.subList(from, Math.min(EVENTS, from + 50)));
                    }
                }, 0, 50, TimeUnit.MILLISECONDS);
                await().atMost(Duration.ofSeconds(60)).until(() -> !first.isAlive() || crashed.appliedRecords(CRASHED) >= 1_000);
                assertThat(first.isAlive()).as("service running, see %s", log).isTrue();
                first.kill();
            }
            long atKill = crashed.appliedRecords(CRASHED);
            assertThat(atKill).as("records applied when killed").isLessThan(EVENTS);

            try (ServiceProcess second = ServiceProcess.start(serviceJar(), environment(), log)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> crashed.appliedRecords(CRASHED) == EVENTS);
            }
            assertThat(sent.all()).hasSize(EVENTS);

            Map<String, String> settings = MetricsServices.settings(KAFKA.bootstrapServers(), REDIS.host(), REDIS.port(), 1,
                    REFERENCE);
            settings.putAll(common());
            try (ConfigurableApplicationContext service = MetricsServices.start(settings)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> reference.appliedRecords(REFERENCE) == EVENTS);
            }

            Map<String, String> afterCrash = normalised(crashed.dump(), CRASHED);
            Map<String, String> uninterrupted = normalised(reference.dump(), REFERENCE);
            assertThat(uninterrupted).containsKey("agentobs:late").containsKey("metrics:routing:count:5min");
            assertThat(uninterrupted.size()).isGreaterThan(100);
            assertThat(afterCrash).isEqualTo(uninterrupted);
        } finally {
            producer.shutdownNow();
        }
    }

    /** Events at about 2 s apart in event time, every tenth up to 3 minutes older: some are late with 30 s grace. */
    private static List<ObjectNode> events() {
        TestTraffic traffic = new TestTraffic(5, 2_000);
        Random random = new Random(9);
        Instant start = Instant.parse("2025-10-21T09:00:00Z");
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            Instant time = start.plusMillis(i * 2_000L + random.nextInt(2_000));
            if (random.nextInt(10) == 0) {
                time = time.minusSeconds(random.nextInt(180));
            }
            Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
            events.add(SentEvents.tagged(topic, traffic.event(topic, time)));
        }
        return events;
    }

    private static Map<String, String> common() {
        return Map.of("KAFKA_TOPICS", SentEvents.names(TOPICS), "METRICS_GRACE_SECONDS", "30", "BATCH_SIZE", "100");
    }

    private static Map<String, String> environment() {
        Map<String, String> env = MetricsServices.settings(KAFKA.bootstrapServers(), REDIS.host(), REDIS.port(), 0, CRASHED);
        env.putAll(common());
        // the killed member's partitions move to the new process once its session expires
        env.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
        return env;
    }

    /** The dump with the group's name in the offset and watermark keys replaced, so two groups compare. */
    private static Map<String, String> normalised(Map<String, String> dump, String group) {
        Map<String, String> normalised = new TreeMap<>();
        dump.forEach((key, value) -> normalised.put(key.replace(group, "<group>"), value));
        return normalised;
    }

    private static Path serviceJar() throws IOException {
        return ServiceProcess.jarOf(Path.of("target"), "metrics-aggregator-service");
    }
}
