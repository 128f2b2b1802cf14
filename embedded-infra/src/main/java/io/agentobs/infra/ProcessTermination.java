package io.agentobs.infra;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Ends a process that is not our child: a signal of the caller's choice, then SIGKILL after a grace period. */
final class ProcessTermination {

    private ProcessTermination() {
    }

    /** Sends {@code SIG<signal>} and waits for the exit, killing the process if it outlives {@code grace}. */
    static void terminate(ProcessHandle process, String signal, Duration grace) {
        signal(process, signal);
        if (!awaitExit(process, grace)) {
            process.destroyForcibly();
            awaitExit(process, grace);
        }
    }

    /** ProcessHandle only offers TERM and KILL; PostgreSQL's orderly fast shutdown needs INT, hence kill(1). */
    private static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling process " + process.pid(), e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for process " + process.pid(), e);
        }
    }
}
