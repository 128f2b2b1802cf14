package io.agentobs.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentobs.consumer.app.RecordingSink;
import io.agentobs.infra.junit.KafkaExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

/** Health, metrics and the seed 000 JSON endpoints of a running service. */
class HealthIT {

    @RegisterExtension
    static final KafkaExtension kafka = KafkaExtension.shared();

    private static KafkaTestClient client;

    @BeforeAll
    static void createTopics() throws Exception {
        client = new KafkaTestClient(kafka.bootstrapServers());
        client.createTopics(3, "agent-actions", "agent-actions-dlq");
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void deadListenerThreadTurnsLivenessDown() throws Exception {
        try (ConfigurableApplicationContext service = start()) {
            awaitStatus(service, "/actuator/health/liveness", 200);
            ConsumerServices.sink(service).dieOnNextWrite(new SimulatedFatalError());
            UUID correlation = UUID.randomUUID();
            client.send("agent-actions", correlation.toString(), List.of(TestEvents.action(UUID.randomUUID(), correlation, "a")));

            awaitStatus(service, "/actuator/health/liveness", 503);
            assertThat(ConsumerServices.get(service, "/actuator/health/liveness").body()).contains("listeners", "DOWN");
            HttpResponse<String> legacy = ConsumerServices.get(service, "/health");
            assertThat(legacy.statusCode()).isEqualTo(503);
            assertThat(legacy.body()).contains("\"consumer\":\"stopped\"", "\"status\":\"unhealthy\"");
        }
    }

    @Test
    void failingSinkProbeTurnsReadinessDownWhileIdleAndBackUpWhenItRecovers() throws Exception {
        try (ConfigurableApplicationContext service = start()) {
            RecordingSink sink = ConsumerServices.sink(service);
            awaitStatus(service, "/actuator/health/readiness", 200);
            sink.probeFails(true);
            awaitStatus(service, "/actuator/health/readiness", 503);
            assertThat(ConsumerServices.get(service, "/actuator/health/readiness").body()).contains("simulated probe failure");
            assertThat(ConsumerServices.get(service, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            sink.probeFails(false);
            awaitStatus(service, "/actuator/health/readiness", 200);
        }
    }

    @Test
    void seedHealthAndMetricsJsonReportWhatWasConsumed() throws Exception {
        try (ConfigurableApplicationContext service = start()) {
            awaitStatus(service, "/health", 200);
            assertThat(ConsumerServices.get(service, "/health").body())
                    .contains("\"status\":\"healthy\"", "\"consumer\":\"running\"");
            UUID correlation = UUID.randomUUID();
            client.send("agent-actions", correlation.toString(), List.of(
                    TestEvents.action(UUID.randomUUID(), correlation, "a"), TestEvents.malformed(),
                    TestEvents.action(UUID.randomUUID(), correlation, "a")));
            RecordingSink sink = ConsumerServices.sink(service);
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.stored().stream()
                    .filter(e -> correlation.equals(e.event().correlationId())).count() == 2);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String metrics = ConsumerServices.get(service, "/metrics").body();
                assertThat(metrics).contains("\"uptime_seconds\"", "\"messages_consumed\"", "\"messages_inserted\"",
                        "\"messages_failed\"", "\"batches_processed\"", "\"avg_batch_processing_ms\"",
                        "\"messages_per_second\"", "\"last_commit_time\":\"20");
                assertThat(number(metrics, "messages_consumed")).isGreaterThanOrEqualTo(3);
                assertThat(number(metrics, "messages_inserted")).isGreaterThanOrEqualTo(2);
                assertThat(number(metrics, "messages_failed")).isGreaterThanOrEqualTo(1);
            });
        }
    }

    @Test
    void prometheusShowsConsumerCountersWithCommonTagsAndPerPartitionLag() throws Exception {
        String group = "prom-" + UUID.randomUUID();
        try (ConfigurableApplicationContext service = ConsumerServices.start(kafka.bootstrapServers(), group, Map.of())) {
            UUID correlation = UUID.randomUUID();
            client.send("agent-actions", correlation.toString(), List.of(TestEvents.action(UUID.randomUUID(), correlation, "a")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String body = ConsumerServices.get(service, "/actuator/prometheus").body();
                assertThat(body).containsPattern("agentobs_consumer_records_consumed_total\\{[^}]*group=\"" + group
                        + "\"[^}]*service=\"test-consumer\"[^}]*topic=\"agent-actions\"");
                assertThat(body).containsPattern("agentobs_consumer_records_processed_total\\{");
                assertThat(body).containsPattern("agentobs_consumer_batch_duration_seconds_bucket\\{");
                assertThat(body).containsPattern("agentobs_consumer_lag_records\\{[^}]*partition=\"0\"[^}]*topic=\"agent-actions\"[^}]*} 0");
            });
        }
    }

    private static ConfigurableApplicationContext start() {
        return ConsumerServices.start(kafka.bootstrapServers(), "health-" + UUID.randomUUID(), Map.of());
    }

    private static void awaitStatus(ConfigurableApplicationContext service, String path, int status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsumerServices.get(service, path).statusCode() == status);
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as("field %s in %s", field, json).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Stands for an Error that kills a consumer thread (OutOfMemoryError and the like). */
    static final class SimulatedFatalError extends Error {
        SimulatedFatalError() {
            super("simulated fatal error in the listener thread");
        }
    }
}
