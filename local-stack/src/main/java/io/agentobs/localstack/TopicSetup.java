package io.agentobs.localstack;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import io.agentobs.cli.AgentobsCli;
import io.agentobs.cli.CliContext;

/** Creates the catalog's topics and their {@code -dlq} topics by running the CLI's {@code topics create}. */
final class TopicSetup {

    private TopicSetup() {
    }

    /**
     * Runs {@code agentobs topics create} against this broker (idempotent: existing topics stay as they are).
     *
     * @return the command's JSON result
     * @throws IllegalStateException when the command fails, with its output
     */
    static String createTopics(String bootstrapServers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(Map.of("KAFKA_BROKERS", bootstrapServers), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        int exit = AgentobsCli.run(context, "topics", "create");
        String result = out.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException("agentobs topics create failed (exit " + exit + "): " + result
                    + err.toString(StandardCharsets.UTF_8));
        }
        return result;
    }
}
