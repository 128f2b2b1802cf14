package io.agentobs.cli;

import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventJson;
import io.agentobs.infra.junit.KafkaExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@code log-*} subcommand against a real broker: what a consumer reads is what the command sent. */
class LogCommandsIT {

    @RegisterExtension
    static final KafkaExtension kafka = KafkaExtension.shared();

    @TempDir
    Path spool;

    private Map<String, String> env() {
        return Map.of("KAFKA_BROKERS", kafka.bootstrapServers(), "AGENTOBS_SPOOL_DIR", spool.toString());
    }

    /** One case: the subcommand, its options, the topic, and fields the event must then hold. */
    record Case(String command, List<String> options, Topic topic, Map<String, Object> expected) {
    }

    static Stream<Case> everySubcommand() {
        String fingerprint = UUID.randomUUID().toString();
        String path = UUID.randomUUID().toString();
        String pattern = UUID.randomUUID().toString();
        String failure = UUID.randomUUID().toString();
        return Stream.of(
                new Case("log-action", List.of("--agent", "agent-debug", "--action-type", "tool_call",
                        "--action-name", "Read", "--duration-ms", "42", "--details", "{\"file\":\"a.py\"}",
                        "--debug-mode"), Topic.AGENT_ACTIONS,
                        Map.of("agent_name", "agent-debug", "action_type", "tool_call", "duration_ms", 42,
                                "debug_mode", true)),
                new Case("log-routing-decision", List.of("--agent", "agent-api-architect", "--confidence", "0.92",
                        "--strategy", "enhanced_fuzzy_matching", "--latency-ms", "45", "--user-request",
                        "design a REST API", "--reasoning", "strong match", "--alternatives",
                        "[{\"agent_name\":\"agent-debug\",\"confidence_score\":0.4}]"),
                        Topic.AGENT_ROUTING_DECISIONS,
                        Map.of("selected_agent", "agent-api-architect", "confidence_score", 0.92,
                                "routing_strategy", "enhanced_fuzzy_matching", "routing_time_ms", 45)),
                new Case("log-transformation", List.of("--source", "agent-router", "--target", "agent-debug",
                        "--success", "false", "--duration-ms", "7", "--reason", "specialist needed"),
                        Topic.AGENT_TRANSFORMATION_EVENTS,
                        Map.of("source_agent", "agent-router", "target_agent", "agent-debug", "success", false,
                                "transformation_duration_ms", 7)),
                new Case("log-router-metrics", List.of("--duration-ms", "12", "--cache-hit", "--query", "fix bug",
                        "--candidates-evaluated", "5"), Topic.ROUTER_PERFORMANCE_METRICS,
                        Map.of("routing_duration_ms", 12, "cache_hit", true, "candidates_evaluated", 5)),
                new Case("log-task-execution", List.of("--fingerprint-id", fingerprint, "--task-type", "bugfix",
                        "--agent", "agent-debug", "--success", "--quality-score", "0.8", "--agent-chain",
                        "[\"agent-router\",\"agent-debug\"]", "--steps", "[{\"step_number\":1,\"action\":\"Read\"}]"), Topic.TASK_EXECUTIONS,
                        Map.of("fingerprint_id", fingerprint, "task_type", "bugfix", "success", true,
                                "quality_score", 0.8)),
                new Case("log-code-quality", List.of("--path-id", path, "--file", "src/app.py",
                        "--quality-score", "0.75", "--lint-passed", "true", "--lines-added", "10"),
                        Topic.CODE_QUALITY_METRICS,
                        Map.of("path_id", path, "file_path", "src/app.py", "lint_passed", true, "lines_added", 10)),
                new Case("log-success-pattern", List.of("--pattern-id", pattern, "--pattern-name", "tdd-loop",
                        "--pattern-type", "workflow", "--pattern-template", "{\"steps\":[\"test\",\"code\"]}"),
                        Topic.SUCCESS_PATTERNS, Map.of("pattern_id", pattern, "pattern_name", "tdd-loop")),
                new Case("log-failure-pattern", List.of("--failure-id", failure, "--failure-type", "timeout",
                        "--error-message", "tool timed out", "--contributing-factors", "[\"slow disk\"]"),
                        Topic.FAILURE_PATTERNS, Map.of("failure_id", failure, "failure_type", "timeout")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySubcommand")
    void subcommandPublishesWhatAConsumerReads(Case testCase) {
        String correlationId = UUID.randomUUID().toString();
        List<String> args = new java.util.ArrayList<>(List.of(testCase.command(), "--correlation-id", correlationId));
        args.addAll(testCase.options());

        CliRun run = CliRun.run(env(), args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("topic").asString()).isEqualTo(testCase.topic().topicName());
        assertThat(result.has("spooled")).isFalse();
        String eventId = result.get("event_id").asString();
        int partition = result.get("partition").asInt();
        long offset = result.get("offset").asLong();

        ConsumerRecord<String, byte[]> record = TopicReader.readAll(kafka.bootstrapServers(),
                testCase.topic().topicName(), 1, Duration.ofSeconds(30)).stream()
                .filter(r -> r.partition() == partition && r.offset() == offset).findFirst().orElseThrow();
        JsonNode event = EventJson.mapper().readTree(record.value());
        assertThat(event.get("event_id").asString()).isEqualTo(eventId);
        assertThat(event.get("correlation_id").asString()).isEqualTo(correlationId);
        assertThat(record.key()).isEqualTo(event.get(testCase.topic().keyField()).asString());
        assertThat(event.get("timestamp").asString()).endsWith("Z");
        testCase.expected().forEach((field, value) -> assertThat(event.get(field))
                .as(field).isEqualTo(EventJson.mapper().valueToTree(value)));
    }

    @Test
    void extraFieldsAreKeptAndEventIdGivenIsUsed() {
        String eventId = UUID.randomUUID().toString();
        CliRun run = CliRun.run(env(), "log-action", "--event-id", eventId, "--agent-name", "a",
                "--action-type", "decision", "--action-name", "plan", "--extra", "{\"team\":\"infra\"}");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("event_id").asString()).isEqualTo(eventId);
        ConsumerRecord<String, byte[]> record = TopicReader.readAll(kafka.bootstrapServers(), "agent-actions", 1,
                Duration.ofSeconds(30)).stream()
                .filter(r -> new String(r.value()).contains(eventId)).findFirst().orElseThrow();
        assertThat(EventJson.mapper().readTree(record.value()).get("team").asString()).isEqualTo("infra");
    }

    @Test
    void disabledLoggingSucceedsWithoutPublishing() {
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("KAFKA_ENABLE_LOGGING", "false");
        env.put("KAFKA_BROKERS", "127.0.0.1:1");

        CliRun run = CliRun.run(env, "log-action", "--agent-name", "a", "--action-type", "decision",
                "--action-name", "plan");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("success").asBoolean()).isTrue();
        assertThat(run.json().get("message").asString()).contains("KAFKA_ENABLE_LOGGING=false");
        assertThat(spool).isEmptyDirectory();
    }
}
