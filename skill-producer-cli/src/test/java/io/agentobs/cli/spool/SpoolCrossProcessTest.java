package io.agentobs.cli.spool;

import static io.agentobs.cli.spool.SpoolOrderCheck.assertEachProducerSentExactlyOnceInOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVM processes appending to one spool while another drains it. */
class SpoolCrossProcessTest {

    private static final int PER_PROCESS = 200;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoProcessesAppendingWhileThisOneDrainsLoseAndDuplicateNothing() throws Exception {
        Path directory = temp.resolve("spool");
        Process first = appender(directory, "process-a");
        Process second = appender(directory, "process-b");
        CompletableFuture<Void> bothExited = CompletableFuture.allOf(first.onExit(), second.onExit());
        Spool spool = new Spool(directory);
        RecordingSender sender = RecordingSender.acknowledging();

        while (!bothExited.isDone()) {
            if (!spool.isEmpty()) {
                assertThat(spool.drain(sender).complete()).isTrue();
            }
            awaitExit(bothExited);
        }
        spool.drain(sender);

        assertThat(first.exitValue()).as(output("process-a")).isZero();
        assertThat(second.exitValue()).as(output("process-b")).isZero();
        assertEachProducerSentExactlyOnceInOrder(sender.events(), List.of("process-a", "process-b"), PER_PROCESS);
        assertThat(spool.isEmpty()).isTrue();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoProcessesAppendingConcurrentlyKeepEveryEventInOrder() throws Exception {
        Path directory = temp.resolve("spool");
        Process first = appender(directory, "process-a");
        Process second = appender(directory, "process-b");

        assertThat(first.waitFor()).as(output("process-a")).isZero();
        assertThat(second.waitFor()).as(output("process-b")).isZero();

        Spool spool = new Spool(directory);
        assertThat(spool.size()).isEqualTo(2 * PER_PROCESS);
        RecordingSender sender = RecordingSender.acknowledging();
        spool.drain(sender);
        assertEachProducerSentExactlyOnceInOrder(sender.events(), List.of("process-a", "process-b"), PER_PROCESS);
    }

    private Process appender(Path directory, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), SpoolAppenderMain.class.getName(),
                directory.toString(), name, Integer.toString(PER_PROCESS))
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve(name + ".log").toFile())
                .start();
    }

    /** Waits a little for both appenders to exit, giving them time to append before the next drain. */
    private static void awaitExit(CompletableFuture<Void> bothExited) throws Exception {
        try {
            bothExited.get(5, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            // the next round drains what they appended meanwhile
        }
    }

    private String output(String name) throws IOException {
        Path log = temp.resolve(name + ".log");
        return Files.exists(log) ? name + " output:\n" + Files.readString(log) : name;
    }
}
