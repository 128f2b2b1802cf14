package io.agentobs.cli;

import io.agentobs.events.codec.EventJson;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * One in-process CLI invocation and what it printed: the exit code, stdout (one JSON result) and stderr.
 *
 * @param exitCode what the process would exit with
 * @param stdout everything written to stdout
 * @param stderr everything written to stderr
 */
public record CliRun(int exitCode, String stdout, String stderr) {

    /** Runs {@code args} with {@code env} and {@code stdin}, as bin/agentobs would. */
    public static CliRun run(Map<String, String> env, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = new HashMap<>(env);
        CliContext context = new CliContext(environment, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        int exit = AgentobsCli.run(context, args);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static CliRun run(Map<String, String> env, String... args) {
        return run(env, new byte[0], args);
    }

    /** The JSON result on stdout (its last line). */
    public JsonNode json() {
        String[] lines = stdout.strip().split("\n");
        return EventJson.mapper().readTree(lines[lines.length - 1]);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
}
