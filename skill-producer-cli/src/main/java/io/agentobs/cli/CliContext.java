package io.agentobs.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch outside itself: the environment, the standard streams and the clock. The process passes
 * the real ones; tests pass their own, so every command runs in-process exactly as it runs from the launcher.
 *
 * @param env environment variables
 * @param in standard input (NDJSON for {@code publish})
 * @param out standard output: one JSON result per invocation
 * @param err standard error: human-readable messages, progress and logs
 * @param clock the time generated timestamps and latencies come from
 */
public record CliContext(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, Clock clock) {

    /** The real process: {@code System.getenv()}, the standard streams and the UTC system clock. */
    public static CliContext system() {
        return new CliContext(System.getenv(), System.in, System.out, System.err, Clock.systemUTC());
    }
}
