package io.agentobs.cli.audit;

import io.agentobs.cli.CliContext;
import io.agentobs.cli.UsageException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifyOptionsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static VerifyRequest parse(Map<String, String> env, String... args) throws UsageException {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        VerifyCommand command = new VerifyCommand(new CliContext(env, new ByteArrayInputStream(new byte[0]), discard,
                discard, Clock.fixed(NOW, ZoneOffset.UTC)));
        new CommandLine(command).parseArgs(args);
        return command.request();
    }

    @Test
    void topicsMayBeRepeatedOrCommaSeparatedAndTheWindowIsOpenByDefault() throws UsageException {
        VerifyRequest request = parse(Map.of("S3_BUCKET", "audit"), "--topic", "task-executions,agent-actions",
                "--topic", "success-patterns");

        assertThat(request.topics()).containsExactly("task-executions", "agent-actions", "success-patterns");
        assertThat(request.window().from()).isNull();
        assertThat(request.window().to()).isNull();
        assertThat(request.format()).isEqualTo(ReportFormat.TEXT);
    }

    @Test
    void allTopicsJsonAndATimeWindow() throws UsageException {
        VerifyRequest request = parse(Map.of("S3_BUCKET", "audit"), "--topic", "all", "--from", "1d", "--to",
                "2026-11-24T11:00:00Z", "--format", "JSON");

        assertThat(request.topics()).hasSize(8);
        assertThat(request.window().from()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(request.window().to()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
        assertThat(request.format()).isEqualTo(ReportFormat.JSON);
    }

    @Test
    void unknownFormatAndMissingBucketAreUsageErrors() {
        assertThatThrownBy(() -> parse(Map.of("S3_BUCKET", "audit"), "--topic", "all", "--format", "yaml"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--format");
        assertThatThrownBy(() -> parse(Map.of(), "--topic", "all"))
                .isInstanceOf(UsageException.class).hasMessageContaining("S3_BUCKET");
    }
}
