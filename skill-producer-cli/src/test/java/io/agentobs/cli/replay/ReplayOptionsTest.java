package io.agentobs.cli.replay;

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

class ReplayOptionsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Map<String, String> ENV = Map.of("S3_BUCKET", "audit");

    private static ReplayRequest parse(String... args) throws UsageException {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        ReplayCommand command = new ReplayCommand(new CliContext(ENV, new ByteArrayInputStream(new byte[0]), discard,
                discard, Clock.fixed(NOW, ZoneOffset.UTC)));
        new CommandLine(command).parseArgs(args);
        return command.request();
    }

    @Test
    void minimalReplaySendsEveryPartitionBackToItsOwnTopicAsFastAsKafkaTakesIt() throws UsageException {
        ReplayRequest request = parse("--topic", "agent-actions", "--from", "2026-11-24T10:00:00Z", "--to", "1h");

        assertThat(request.topic()).isEqualTo("agent-actions");
        assertThat(request.targetTopic()).isEqualTo("agent-actions");
        assertThat(request.window().from()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(request.window().to()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
        assertThat(request.ratePerSecond()).isNull();
        assertThat(request.partitions()).isEmpty();
        assertThat(request.includes(11)).isTrue();
        assertThat(request.dryRun()).isFalse();
        assertThat(request.skipDeadLettered()).isFalse();
        assertThat(request.progress()).isTrue();
        assertThat(request.location().bucket()).isEqualTo("audit");
    }

    @Test
    void everyOptionIsRead() throws UsageException {
        ReplayRequest request = parse("--topic", "task-executions", "--from", "2h", "--to", "30m", "--target-topic",
                "task-executions-replay", "--rate", "250/s", "--partition", "3,1", "--partition", "7", "--dry-run",
                "--skip-dead-lettered", "--no-progress", "--bucket", "other", "--prefix", "p/", "--endpoint",
                "http://127.0.0.1:9000", "--path-style");

        assertThat(request.targetTopic()).isEqualTo("task-executions-replay");
        assertThat(request.ratePerSecond()).isEqualTo(250.0);
        assertThat(request.partitions()).containsExactly(1, 3, 7);
        assertThat(request.includes(2)).isFalse();
        assertThat(request.dryRun()).isTrue();
        assertThat(request.skipDeadLettered()).isTrue();
        assertThat(request.progress()).isFalse();
        assertThat(request.location().describe()).isEqualTo("s3://other/p/ at http://127.0.0.1:9000");
        assertThat(request.location().pathStyle()).isTrue();
    }

    @Test
    void rateTakesPerSecondOrAPlainNumber() throws UsageException {
        assertThat(parse("--topic", "agent-actions", "--from", "2h", "--to", "1h", "--rate", "0.5/s").ratePerSecond())
                .isEqualTo(0.5);
        assertThat(parse("--topic", "agent-actions", "--from", "2h", "--to", "1h", "--rate", "40").ratePerSecond())
                .isEqualTo(40.0);
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        assertThatThrownBy(() -> parse("--topic", "agent-actions", "--from", "2h", "--to", "1h", "--rate", "0/s"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--rate");
        assertThatThrownBy(() -> parse("--topic", "agent-actions", "--from", "2h", "--to", "1h", "--rate", "fast"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--rate");
        assertThatThrownBy(() -> parse("--topic", "agent-actions", "--from", "1h", "--to", "2h"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--from");
        assertThatThrownBy(() -> parse("--topic", "nope", "--from", "2h", "--to", "1h"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--topic");
        assertThatThrownBy(() -> parse("--topic", "agent-actions", "--from", "2h", "--to", "1h", "--target-topic",
                "bad topic")).isInstanceOf(UsageException.class).hasMessageContaining("--target-topic");
        assertThatThrownBy(() -> parse("--topic", "agent-actions", "--from", "2h", "--to", "1h", "--partition", "-1"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--partition");
    }

    @Test
    void fromAndToAreRequired() {
        assertThatThrownBy(() -> parse("--topic", "agent-actions", "--from", "2h"))
                .isInstanceOf(CommandLine.MissingParameterException.class).hasMessageContaining("--to");
    }
}
