package io.agentobs.consumer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.agentobs.consumer.AgentobsApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Configuration as users give it: seed environment variables, a seed-style --config file, validated ranges. */
class ConsumerConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void seedEnvironmentVariablesConfigureTheConsumer() {
        try (ConfigurableApplicationContext context = run(Map.of("KAFKA_BROKERS", "b1:9092,b2:9092",
                "KAFKA_GROUP_ID", "db-writer-group", "BATCH_SIZE", "250", "BATCH_TIMEOUT_MS", "1000",
                "KAFKA_AUTO_OFFSET_RESET", "latest", "KAFKA_SESSION_TIMEOUT_MS", "45000"))) {
            ConsumerProperties consumer = context.getBean(ConsumerProperties.class);
            assertThat(consumer.groupId()).isEqualTo("db-writer-group");
            assertThat(consumer.batchSize()).isEqualTo(250);
            assertThat(consumer.batchTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(consumer.autoOffsetReset()).isEqualTo("latest");
            assertThat(consumer.sessionTimeout()).isEqualTo(Duration.ofSeconds(45));
            assertThat(consumer.topics()).hasSize(8).contains("agent-actions", "failure-patterns");
            assertThat(context.getBean(KafkaConnectionProperties.class).brokers()).isEqualTo("b1:9092,b2:9092");
        }
    }

    @Test
    void defaultsFollowTheSeeds() {
        try (ConfigurableApplicationContext context = run(Map.of("KAFKA_GROUP_ID", "g"))) {
            ConsumerProperties consumer = context.getBean(ConsumerProperties.class);
            assertThat(consumer.batchSize()).isEqualTo(100);
            assertThat(consumer.batchTimeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(consumer.retry().initialInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(consumer.retry().maxInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(context.getBean(KafkaConnectionProperties.class).brokers()).isEqualTo("localhost:9092");
            assertThat(context.getEnvironment().getProperty("server.port")).isEqualTo("8080");
        }
    }

    @Test
    void batchSizeOutsideItsRangeFailsAtStartNamingKeyAndRange() {
        assertThatThrownBy(() -> run(Map.of("KAFKA_GROUP_ID", "g", "BATCH_SIZE", "0")))
                .satisfies(e -> assertThat(allMessages(e)).contains("agentobs.consumer.batch-size", "greater than or equal to 1"));
        assertThatThrownBy(() -> run(Map.of("KAFKA_GROUP_ID", "g", "BATCH_SIZE", "10001")))
                .satisfies(e -> assertThat(allMessages(e)).contains("agentobs.consumer.batch-size", "less than or equal to 10000"));
    }

    @Test
    void sessionTimeoutOutsideItsRangeFailsAtStartNamingKeyAndRange() {
        assertThatThrownBy(() -> run(Map.of("KAFKA_GROUP_ID", "g", "KAFKA_SESSION_TIMEOUT_MS", "500")))
                .satisfies(e -> assertThat(allMessages(e)).contains("agentobs.consumer.session-timeout", "1000–300000 ms"));
    }

    @Test
    void batchTimeoutBeyondTheFetchRequestTimeoutFailsAtStart() {
        assertThatThrownBy(() -> run(Map.of("KAFKA_GROUP_ID", "g", "BATCH_TIMEOUT_MS", "60000")))
                .satisfies(e -> assertThat(allMessages(e)).contains("agentobs.consumer.batch-timeout", "1–25000 ms"));
    }

    @Test
    void springShutdownPhaseLeavesRoomForTheConsumersOwnDeadline() {
        try (ConfigurableApplicationContext context = run(Map.of("KAFKA_GROUP_ID", "g"), "--agentobs.consumer.shutdown-timeout=2m")) {
            assertThat(context.getEnvironment().getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class))
                    .isEqualTo(Duration.ofSeconds(135));
        }
    }

    @Test
    void missingGroupIdFailsAtStart() {
        assertThatThrownBy(() -> run(Map.of()))
                .satisfies(e -> assertThat(allMessages(e)).contains("agentobs.consumer.group-id"));
    }

    @Test
    void unknownSecurityProtocolFailsAtStart() {
        assertThatThrownBy(() -> run(Map.of("KAFKA_GROUP_ID", "g", "KAFKA_SECURITY_PROTOCOL", "TLS")))
                .satisfies(e -> assertThat(allMessages(e)).contains("agentobs.kafka.security-protocol", "SASL_SSL"));
    }

    @Test
    void seedConfigJsonFileConfiguresTheConsumer() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                {
                  "kafka_brokers": "kafka-from-file:9092",
                  "group_id": "agent-actions-postgres",
                  "batch_size": 200,
                  "batch_timeout_ms": 2000,
                  "postgres_host": "localhost",
                  "postgres_port": 5436,
                  "health_check_port": 8088
                }
                """);
        try (ConfigurableApplicationContext context = run(Map.of(), "--config=" + config)) {
            ConsumerProperties consumer = context.getBean(ConsumerProperties.class);
            assertThat(consumer.groupId()).isEqualTo("agent-actions-postgres");
            assertThat(consumer.batchSize()).isEqualTo(200);
            assertThat(consumer.batchTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(context.getBean(KafkaConnectionProperties.class).brokers()).isEqualTo("kafka-from-file:9092");
            assertThat(context.getEnvironment().getProperty("server.port")).isEqualTo("8088");
            assertThat(context.getEnvironment().getProperty("POSTGRES_PORT")).isEqualTo("5436");
        }
    }

    @Test
    void yamlConfigFileWithDottedKeysConfiguresTheConsumer() throws Exception {
        Path config = dir.resolve("consumer.yml");
        Files.writeString(config, """
                agentobs:
                  consumer:
                    group-id: from-yaml
                    batch-size: 42
                    retry:
                      max-interval: 1m
                """);
        try (ConfigurableApplicationContext context = run(Map.of(), "--config", config.toString())) {
            ConsumerProperties consumer = context.getBean(ConsumerProperties.class);
            assertThat(consumer.groupId()).isEqualTo("from-yaml");
            assertThat(consumer.batchSize()).isEqualTo(42);
            assertThat(consumer.retry().maxInterval()).isEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void environmentVariablesOverrideTheConfigFile() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"group_id\": \"from-file\", \"batch_size\": 200}");
        try (ConfigurableApplicationContext context = run(Map.of("BATCH_SIZE", "300"), "--config=" + config)) {
            ConsumerProperties consumer = context.getBean(ConsumerProperties.class);
            assertThat(consumer.groupId()).isEqualTo("from-file");
            assertThat(consumer.batchSize()).isEqualTo(300);
        }
    }

    @Test
    void logFormatJsonSwitchesOnStructuredLogs() {
        try (ConfigurableApplicationContext context = run(Map.of("KAFKA_GROUP_ID", "g", "LOG_FORMAT", "json"))) {
            assertThat(context.getEnvironment().getProperty("logging.structured.format.console")).isEqualTo("ecs");
        }
    }

    @Test
    void missingConfigFileFailsAtStartNamingIt() {
        assertThatThrownBy(() -> run(Map.of(), "--config=" + dir.resolve("nope.json")))
                .satisfies(e -> assertThat(allMessages(e)).contains("nope.json", "does not exist"));
    }

    /** Starts a context holding only the consumer settings, with {@code env} standing in for the process environment. */
    private static ConfigurableApplicationContext run(Map<String, Object> env, String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        return new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE)
                .environment(environment)
                .logStartupInfo(false)
                .run(AgentobsApplication.normalise(args));
    }

    private static String allMessages(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ConsumerProperties.class, KafkaConnectionProperties.class})
    @ImportAutoConfiguration(ValidationAutoConfiguration.class)
    static class SettingsOnly {
    }
}
