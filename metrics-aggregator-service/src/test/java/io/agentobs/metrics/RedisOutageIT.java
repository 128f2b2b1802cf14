package io.agentobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.agentobs.events.Topic;
import io.agentobs.infra.client.KafkaTopics;
import io.agentobs.infra.client.ServiceHttp;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.RedisExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

/** Redis stops while events keep coming: readiness turns DOWN, and once Redis is back every event is counted once. */
class RedisOutageIT {

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();
    /** A server of this class's own, so the test may stop it. */
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final Topic TOPIC = Topic.AGENT_ACTIONS;
    private static final int EVENTS = 600;
    private static final Instant HOUR = Instant.parse("2025-10-23T07:00:00Z");

    @Test
    void redisOutageMidStreamTurnsReadinessDownLosesNothingAndCountsEveryEventOnce() throws Exception {
        SentEvents.createTopics(KAFKA.bootstrapServers(), 3, List.of(TOPIC));
        TestTraffic traffic = new TestTraffic(2, 100);
        SentEvents sent = new SentEvents();
        AtomicInteger produced = new AtomicInteger();
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        Map<String, String> settings = MetricsServices.settings(KAFKA.bootstrapServers(), REDIS.host(), REDIS.port(), 0,
                "metrics-outage-it");
        settings.put("KAFKA_TOPICS", TOPIC.topicName());
        settings.put("METRICS_GRACE_SECONDS", "86400");
        try (KafkaTopics kafka = new KafkaTopics(KAFKA.bootstrapServers());
             ConfigurableApplicationContext service = MetricsServices.start(settings)) {
            int port = MetricsServices.port(service);
            // 10 events every 250 ms: the stream runs through the whole outage (about 15 s of sending)
            producer.scheduleAtFixedRate(() -> {
                int from = produced.getAndAdd(10);
                if (from < EVENTS) {
                    sent.send(kafka, IntStream.range(from, Math.min(EVENTS, from + 10))
                            .mapToObj(i -> SentEvents.tagged(TOPIC, traffic.event(TOPIC, HOUR.plusSeconds(i)))).toList());
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
            try (RedisDump redis = new RedisDump(REDIS.host(), REDIS.port(), 0)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> redis.appliedRecords("metrics-outage-it") >= 50);
            }
            REDIS.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> ServiceHttp.status(port, "/actuator/health/readiness") == 503);
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15))
                    .until(() -> ServiceHttp.status(port, "/actuator/health/readiness") == 503);
            assertThat(produced.get()).as("events kept coming during the outage").isGreaterThan(100);
            REDIS.start();

            try (RedisDump redis = new RedisDump(REDIS.host(), REDIS.port(), 0)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> produced.get() >= EVENTS
                        && redis.appliedRecords("metrics-outage-it") == EVENTS);
                await().atMost(Duration.ofSeconds(30)).until(() -> ServiceHttp.status(port, "/actuator/health/readiness") == 200);
                assertThat(redis.redis().hget("agentobs:1h:" + HOUR.getEpochSecond() + ":events", TOPIC.topicName()))
                        .isEqualTo(Integer.toString(EVENTS));
                long agentCounts = redis.redis().hgetall("agentobs:1h:" + HOUR.getEpochSecond() + ":agents").entrySet().stream()
                        .filter(f -> f.getKey().startsWith("count:")).mapToLong(f -> Long.parseLong(f.getValue())).sum();
                assertThat(agentCounts).isEqualTo(EVENTS);
            }
            assertThat(ServiceHttp.metric(port, "agentobs_consumer_retry_attempts_total")).isGreaterThan(0);
        } finally {
            producer.shutdownNow();
        }
    }
}
