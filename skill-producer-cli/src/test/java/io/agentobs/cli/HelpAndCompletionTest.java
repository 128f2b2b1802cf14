package io.agentobs.cli;

import io.agentobs.cli.log.LogCommands;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help} and the completion script list every subcommand and exit 0. */
class HelpAndCompletionTest {

    private static final Map<String, String> ENV = Map.of("KAFKA_BROKERS", "127.0.0.1:1");

    @Test
    void rootHelpListsEverySubcommand() {
        CliRun run = CliRun.run(ENV, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("publish", "topics", "simulate", "redrive", "audit", "replay", "flush",
                "completion");
        LogCommands.names().forEach(name -> assertThat(run.stdout()).contains(name));
    }

    @Test
    void everyLogCommandHelpShowsItsFieldsAndTopic() {
        for (LogCommands.Definition definition : LogCommands.definitions()) {
            CliRun run = CliRun.run(ENV, definition.name(), "--help");

            assertThat(run.exitCode()).isZero();
            assertThat(run.stdout()).contains(definition.topic().topicName(), definition.topic().keyField(),
                    "--correlation-id", "--extra");
        }
    }

    @Test
    void completionScriptCompletesSubcommandsAndOptions() {
        CliRun run = CliRun.run(ENV, "completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("complete -F").contains("log-routing-decision")
                .contains("--confidence");
    }
}
