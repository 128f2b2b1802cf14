package io.agentobs.cli;

import io.agentobs.events.codec.EventJson;
import io.agentobs.infra.KafkaOptions;
import io.agentobs.infra.junit.KafkaExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI against a broker whose client listener requires SASL: with the seed's {@code KAFKA_SECURITY_PROTOCOL} and
 * {@code KAFKA_SASL_*} it publishes (through the Kafka producer, which handles SASL); with a wrong password nothing
 * is lost: the event is spooled and the result says why.
 */
class SaslPublishIT {

    private static final String USER = "agentobs-skill";
    /** A quote and a backslash: the JAAS configuration must escape them. */
    private static final String PASSWORD = "pa\"ss\\word";

    @RegisterExtension
    static final KafkaExtension kafka = new KafkaExtension(
            KafkaOptions.randomPort().withSaslUsers(Map.of(USER, PASSWORD)));

    @TempDir
    Path spool;

    private Map<String, String> env(String mechanism, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BROKERS", kafka.bootstrapServers());
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("KAFKA_SASL_MECHANISM", mechanism);
        env.put("KAFKA_SASL_USERNAME", USER);
        env.put("KAFKA_SASL_PASSWORD", password);
        env.put("AGENTOBS_SPOOL_DIR", spool.toString());
        env.put("AGENTOBS_SEND_TIMEOUT_MS", "3000");
        return env;
    }

    @BeforeAll
    static void createTopics(@TempDir Path spool) {
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_BROKERS", kafka.bootstrapServers(),
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_USERNAME", USER,
                "KAFKA_SASL_PASSWORD", PASSWORD, "AGENTOBS_SPOOL_DIR", spool.toString()));
        CliRun created = CliRun.run(env, "topics", "create", "--partitions", "2");
        assertThat(created.exitCode()).as(created.toString()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-512"})
    void logActionAuthenticatesAndPublishes(String mechanism) {
        String correlationId = UUID.randomUUID().toString();

        CliRun run = CliRun.run(env(mechanism, PASSWORD), "log-action", "--correlation-id", correlationId,
                "--agent", "agent-sasl", "--action-type", "tool_call", "--action-name", mechanism);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().has("spooled")).as(run.toString()).isFalse();
        assertThat(readActionNames(correlationId)).contains(mechanism);
    }

    @Test
    void wrongPasswordSpoolsTheEventAndSaysWhy() {
        CliRun run = CliRun.run(env("PLAIN", "wrong"), "log-action", "--agent", "agent-sasl", "--action-type",
                "error", "--action-name", "denied");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("spooled").asBoolean()).isTrue();
        assertThat(run.json().get("reason").asString()).containsIgnoringCase("authentication");
        CliRun flushed = CliRun.run(env("PLAIN", PASSWORD), "flush");
        assertThat(flushed.json().get("flushed").asInt()).as(flushed.toString()).isEqualTo(1);
    }

    private List<String> readActionNames(String correlationId) {
        Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + USER + "\" password=\"" + PASSWORD.replace("\\", "\\\\").replace("\"", "\\\"") + "\";"));
        List<String> names = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition("agent-actions", 0),
                    new TopicPartition("agent-actions", 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (names.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (correlationId.equals(record.key())) {
                        names.add(EventJson.mapper().readTree(record.value()).get("action_name").asString());
                    }
                }
            }
        }
        return names;
    }
}
