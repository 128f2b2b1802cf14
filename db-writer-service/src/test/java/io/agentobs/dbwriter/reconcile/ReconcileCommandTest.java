package io.agentobs.dbwriter.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Command-line mistakes end with exit 2 and a message, before anything is contacted. */
class ReconcileCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpExplainsTheSemanticsAndExitsZero() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[from, to)", "expired_by_retention",
                "sets of event ids", "Exit codes");
    }

    @Test
    void unknownTopicIsAUsageErrorListingTheTopics() {
        assertThat(run("--topic", "agent-acts", "--from", "1h")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown topic 'agent-acts'", "agent-actions");
    }

    @Test
    void badTimeIsAUsageError() {
        assertThat(run("--topic", "agent-actions", "--from", "yesterday")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--from");
    }

    @Test
    void missingOptionOrBadValueIsAUsageError() {
        assertThat(run("--from", "1h")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--topic", "agent-actions", "--from", "1h", "--skew", "soon")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--topic", "agent-actions", "--from", "1h", "--format", "xml")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--topic", "agent-actions", "--from", "1h", "--skew", "99999999999999999d"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("--topic", "agent-actions", "--from", "100000000000000d")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--topic", "agent-actions", "--from", "1h", "--max-listed", "-1")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--topic", "agent-actions", "--from", "1h", "--jdbc-url", "jdbc:mysql://db/x"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(out.size()).isZero();
    }

    private int run(String... args) {
        return ReconcileCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), args);
    }
}
