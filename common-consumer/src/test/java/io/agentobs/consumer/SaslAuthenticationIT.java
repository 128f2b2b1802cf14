package io.agentobs.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agentobs.consumer.app.RecordingSink;
import io.agentobs.consumer.dlq.DeadLetterHeaders;
import io.agentobs.infra.KafkaOptions;
import io.agentobs.infra.junit.KafkaExtension;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service configured with the seeds' SASL settings ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*})
 * authenticates its consumer, dead-letter producer and admin client to a broker whose client listener requires
 * SASL; with a wrong password, or without SASL, it gets nothing from that broker.
 */
class SaslAuthenticationIT {

    private static final String USER = "agentobs-consumer";
    /** A quote and a backslash: the JAAS config the service builds must escape them. */
    private static final String PASSWORD = "s3cr\"et\\pw";

    @RegisterExtension
    static final KafkaExtension kafka = new KafkaExtension(KafkaOptions.randomPort().withSaslUsers(Map.of(USER, PASSWORD)));

    private static KafkaTestClient client;

    @BeforeAll
    static void createTopics() throws Exception {
        client = new KafkaTestClient(kafka.bootstrapServers(), Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + USER + "\" password=\"" + PASSWORD.replace("\\", "\\\\").replace("\"", "\\\"") + "\";"));
        client.createTopics(3, "agent-actions", "agent-actions-dlq");
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-512"})
    void serviceWithSaslCredentialsConsumesAndDeadLetters(String mechanism) throws Exception {
        String group = "sasl-" + UUID.randomUUID();
        try (ConfigurableApplicationContext service = start(group, seedSaslSettings(mechanism, PASSWORD))) {
            UUID correlation = UUID.randomUUID();
            UUID id = UUID.randomUUID();
            client.send("agent-actions", correlation.toString(),
                    List.of(TestEvents.action(id, correlation, "a"), TestEvents.malformed()));

            RecordingSink sink = ConsumerServices.sink(service);
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.stored().stream()
                    .anyMatch(e -> id.equals(e.event().eventId())));
            List<ConsumerRecord<byte[], byte[]>> deadLetters = client.readAll("agent-actions-dlq",
                    r -> r.key() != null && correlation.toString().equals(new String(r.key(), StandardCharsets.UTF_8)),
                    1, Duration.ofSeconds(30));
            assertThat(deadLetters).singleElement().satisfies(letter -> {
                assertThat(letter.value()).isEqualTo(TestEvents.malformed());
                assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo(group);
            });
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ConsumerServices.get(service, "/actuator/health/readiness").statusCode() == 200);
        }
    }

    @Test
    void wrongPasswordKeepsReadinessDownWithTheReason() throws Exception {
        try (ConfigurableApplicationContext service = start("sasl-wrong-" + UUID.randomUUID(),
                seedSaslSettings("PLAIN", "not-the-password"))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> readiness = ConsumerServices.get(service, "/actuator/health/readiness");
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(readiness.body()).contains("SaslAuthenticationException", "Authentication failed");
            });
            // Checks run every 500 ms: the failure is not a fluke of the first one.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> ConsumerServices.get(service, "/actuator/health/readiness").statusCode() == 503);
        }
    }

    @Test
    void plaintextServiceCannotConsumeFromTheSaslListener() throws Exception {
        UUID correlation = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        client.send("agent-actions", correlation.toString(), List.of(TestEvents.action(id, correlation, "a")));

        try (ConfigurableApplicationContext service = start("plaintext-" + UUID.randomUUID(), Map.of())) {
            // The first Kafka check only ends when the admin client gives up (10 s): the consumer had as long.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                HttpResponse<String> readiness = ConsumerServices.get(service, "/actuator/health/readiness");
                return readiness.statusCode() == 503 && readiness.body().contains("\"error\"")
                        && !readiness.body().contains("not checked yet");
            });
            assertThat(ConsumerServices.sink(service).stored()).noneMatch(e -> id.equals(e.event().eventId()));
        }
    }

    /** The environment variables of the seeds, passed as command-line properties (they resolve the same way). */
    private static Map<String, String> seedSaslSettings(String mechanism, String password) {
        return Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", mechanism,
                "KAFKA_SASL_USERNAME", USER,
                "KAFKA_SASL_PASSWORD", password);
    }

    private static ConfigurableApplicationContext start(String group, Map<String, String> settings) {
        return ConsumerServices.start(kafka.bootstrapServers(), group, settings);
    }
}
