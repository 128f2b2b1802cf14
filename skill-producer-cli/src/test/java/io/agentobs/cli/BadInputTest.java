package io.agentobs.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind is refused before anything is sent: exit 2, a JSON result on stdout and a message on
 * stderr, both naming the field (or option, or variable). No broker runs: nothing may be attempted.
 */
class BadInputTest {

    @TempDir
    Path spool;

    /** A bad invocation and the name its error must mention. */
    record Case(String description, Map<String, String> env, List<String> args, String named) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static final List<String> ACTION = List.of("log-action", "--agent-name", "a", "--action-type",
            "tool_call", "--action-name", "Read");

    private static List<String> action(String... more) {
        List<String> args = new ArrayList<>(ACTION);
        args.addAll(List.of(more));
        return args;
    }

    static Stream<Case> badInputs() {
        return Stream.of(
                new Case("missing required field", Map.of(),
                        List.of("log-action", "--action-type", "tool_call", "--action-name", "Read"), "agent_name"),
                new Case("unknown enum value", Map.of(),
                        List.of("log-action", "--agent", "a", "--action-type", "call", "--action-name", "Read"),
                        "action_type"),
                new Case("text where an integer goes", Map.of(), action("--duration-ms", "fast"), "--duration-ms"),
                new Case("negative duration", Map.of(), action("--duration-ms", "-5"), "duration_ms"),
                new Case("malformed UUID", Map.of(), action("--correlation-id", "not-a-uuid"), "correlation_id"),
                new Case("local time without offset", Map.of(), action("--timestamp", "2026-11-23T10:00:00"),
                        "timestamp"),
                new Case("malformed JSON option", Map.of(), action("--action-details", "{\"a\":"),
                        "--action-details"),
                new Case("JSON array where an object goes", Map.of(), action("--action-details", "[1]"),
                        "action_details"),
                new Case("confidence out of range", Map.of(), List.of("log-routing-decision", "--agent", "a",
                        "--confidence", "1.5"), "confidence_score"),
                new Case("not a boolean", Map.of(), List.of("log-transformation", "--source", "a", "--target", "b",
                        "--success", "maybe"), "--success"),
                new Case("unknown option", Map.of(), action("--agnet", "x"), "--agnet"),
                new Case("extra overriding a field", Map.of(), action("--extra", "{\"agent_name\":\"b\"}"),
                        "agent_name"),
                new Case("missing required nested field", Map.of(), List.of("log-routing-decision", "--agent", "a",
                        "--confidence", "0.5", "--alternatives", "[{\"confidence_score\":0.2}]"), "alternatives"),
                new Case("bad KAFKA_ACKS", Map.of("KAFKA_ACKS", "2"), action(), "KAFKA_ACKS"),
                new Case("bad KAFKA_COMPRESSION", Map.of("KAFKA_COMPRESSION", "brotli"), action(),
                        "KAFKA_COMPRESSION"),
                new Case("SASL without credentials", Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"), action(),
                        "KAFKA_SASL_USERNAME"),
                new Case("unknown publish topic", Map.of(), List.of("publish", "--topic", "actions"), "--topic"),
                new Case("bad simulate duration", Map.of(), List.of("simulate", "--duration", "soon"), "--duration"),
                new Case("zero partitions", Map.of(), List.of("topics", "create", "--partitions", "0"),
                        "--partitions"),
                new Case("unknown redrive topic", Map.of(), List.of("redrive", "--topic", "actions-dlq"),
                        "--topic"),
                new Case("zero redrive limit", Map.of(), List.of("redrive", "--topic", "agent-actions", "--limit",
                        "0"), "--limit"),
                new Case("malformed redrive since", Map.of(), List.of("redrive", "--topic", "agent-actions",
                        "--since", "yesterday"), "--since"),
                new Case("missing subcommand", Map.of(), List.of(), "subcommand"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsWithTwoAndNamesTheField(Case bad) {
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_BROKERS", "127.0.0.1:1",
                "AGENTOBS_SPOOL_DIR", spool.toString(), "AGENTOBS_SEND_TIMEOUT_MS", "200"));
        env.putAll(bad.env());

        CliRun run = CliRun.run(env, bad.args().toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        JsonNode result = run.json();
        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.toString()).as(run.toString()).contains(bad.named());
        assertThat(run.stderr()).contains(bad.named());
        assertThat(spool).isEmptyDirectory();
    }
}
