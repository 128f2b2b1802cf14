package io.agentobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.agentobs.events.Topic;
import io.agentobs.infra.client.KafkaTopics;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.RedisExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.node.ObjectNode;

/** Events behind the watermark: within the grace period counted into their window, beyond it only as late. */
class LateEventsIT {

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.shared();

    private static final int DB = RedisDatabases.LATE_EVENTS;
    private static final Topic TOPIC = Topic.AGENT_ACTIONS;
    private static final Instant NEWEST = Instant.parse("2025-10-22T12:10:00Z");

    @Test
    void eventsWithinTheGraceAreInTheirWindowAndLaterOnesOnlyInTheLateCounter() throws Exception {
        SentEvents.createTopics(KAFKA.bootstrapServers(), 1, List.of(TOPIC));
        TestTraffic traffic = new TestTraffic(1, 10);
        Instant withinGrace = NEWEST.minusSeconds(60);
        Instant beyondGrace = NEWEST.minusSeconds(70);
        List<ObjectNode> events = List.of(
                SentEvents.tagged(TOPIC, traffic.event(TOPIC, NEWEST)),
                SentEvents.tagged(TOPIC, traffic.event(TOPIC, withinGrace)),
                SentEvents.tagged(TOPIC, traffic.event(TOPIC, beyondGrace)),
                SentEvents.tagged(TOPIC, traffic.event(TOPIC, beyondGrace.plusMillis(1))),
                SentEvents.tagged(TOPIC, traffic.event(TOPIC, NEWEST.plusMillis(1))));
        Map<String, String> settings = MetricsServices.settings(KAFKA.bootstrapServers(), REDIS.host(), REDIS.port(), DB,
                "metrics-late-it");
        settings.put("KAFKA_TOPICS", TOPIC.topicName());
        settings.put("METRICS_GRACE_SECONDS", "60");
        try (KafkaTopics kafka = new KafkaTopics(KAFKA.bootstrapServers());
             RedisDump redis = new RedisDump(REDIS.host(), REDIS.port(), DB);
             ConfigurableApplicationContext service = MetricsServices.start(settings)) {
            new SentEvents().send(kafka, events);
            await().atMost(Duration.ofSeconds(60)).until(() -> redis.appliedRecords("metrics-late-it") == events.size());

            // the 5 s window of withinGrace ends 55 s before NEWEST: within the 60 s grace; beyondGrace's ends 65 s before
            assertThat(redis.redis().hget("agentobs:5s:" + withinGrace.getEpochSecond() + ":events", TOPIC.topicName())).isEqualTo("1");
            assertThat(redis.redis().exists("agentobs:5s:" + beyondGrace.getEpochSecond() + ":events")).isZero();
            assertThat(redis.redis().hget("agentobs:5s:" + NEWEST.getEpochSecond() + ":events", TOPIC.topicName())).isEqualTo("2");
            assertThat(redis.redis().hget("agentobs:1h:" + Instant.parse("2025-10-22T12:00:00Z").getEpochSecond() + ":events",
                    TOPIC.topicName())).isEqualTo("3");
            assertThat(redis.redis().hgetall("agentobs:late")).isEqualTo(Map.of(TOPIC.topicName(), "2"));
            assertThat(redis.redis().hget("agentobs:watermarks:metrics-late-it", redis.redis()
                    .hkeys("agentobs:watermarks:metrics-late-it").get(0))).isEqualTo(Long.toString(NEWEST.toEpochMilli() + 1));
        }
    }
}
