package io.agentobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which processes a pid file lets a start stop, with {@code sleep 300} standing in for a server. */
class PidFileTest {

    private static final List<String> SLEEP_MARKS = List.of("300");

    @TempDir
    Path directory;

    private Process server;
    private Instant serverStart;

    @BeforeEach
    void startServer() throws IOException {
        server = new ProcessBuilder("sleep", "300").start();
        serverStart = server.info().startInstant().orElseThrow();
    }

    @AfterEach
    void killServer() {
        server.destroyForcibly();
    }

    @Test
    void processWhoseOwnerDiedIsStopped() throws Exception {
        PidFile pidFile = pidFileWith(server.pid() + "\n" + deadProcessPid() + "\n" + serverStart + "\n\n");

        assertThat(pidFile.stopOrphan("sleep", SLEEP_MARKS, "TERM")).isTrue();
        assertThat(server.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void processWhoseOwnerLivesIsLeftAlone() {
        PidFile pidFile = new PidFile(directory.resolve("server.pid"));
        pidFile.write(server.pid());

        assertThat(pidFile.stopOrphan("sleep", SLEEP_MARKS, "TERM")).isFalse();
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void processStartedAtAnotherInstantIsLeftAlone() throws Exception {
        // After a reboot the recorded pid may belong to, say, the machine's own PostgreSQL: same pid, other start.
        Instant otherStart = serverStart.minus(Duration.ofHours(1));
        PidFile pidFile = pidFileWith(server.pid() + "\n" + deadProcessPid() + "\n" + otherStart + "\n\n");

        assertThat(pidFile.stopOrphan("sleep", SLEEP_MARKS, "TERM")).isFalse();
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void processWithoutRecordedStartIsLeftAlone() throws Exception {
        PidFile pidFile = pidFileWith(server.pid() + "\n" + deadProcessPid() + "\n");

        assertThat(pidFile.stopOrphan("sleep", SLEEP_MARKS, "TERM")).isFalse();
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void processWhoseCommandLineDoesNotMentionTheServerIsLeftAlone() throws Exception {
        PidFile pidFile = pidFileWith(server.pid() + "\n" + deadProcessPid() + "\n" + serverStart + "\n\n");

        assertThat(pidFile.stopOrphan("sleep", List.of("30", "/data/other"), "TERM")).isFalse();
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void processRunningAnotherCommandIsLeftAlone() throws Exception {
        PidFile pidFile = pidFileWith(server.pid() + "\n" + deadProcessPid() + "\n" + serverStart + "\n\n");

        assertThat(pidFile.stopOrphan("postgres", SLEEP_MARKS, "INT")).isFalse();
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void ownerPidReusedByAnotherProcessDoesNotProtectTheOrphan() throws Exception {
        long self = ProcessHandle.current().pid();
        Instant otherOwnerStart = Instant.EPOCH;
        PidFile pidFile = pidFileWith(server.pid() + "\n" + self + "\n" + serverStart + "\n" + otherOwnerStart + "\n");

        assertThat(pidFile.stopOrphan("sleep", SLEEP_MARKS, "TERM")).isTrue();
        assertThat(server.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void postmasterPidFileIsReadForPidAndEpochSecondsStart() throws Exception {
        PidFile postmasterPid = pidFileWith(server.pid() + "\n/var/lib/postgresql/data\n"
                + serverStart.getEpochSecond() + "\n5432\n");

        assertThat(postmasterPid.serverPid()).contains(server.pid());
        assertThat(postmasterPid.stopOrphan("sleep", SLEEP_MARKS, "TERM")).isTrue();
        assertThat(server.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void missingOrGarbledFileStopsNothing() throws IOException {
        assertThat(new PidFile(directory.resolve("absent.pid")).stopOrphan("sleep", SLEEP_MARKS, "TERM")).isFalse();
        assertThat(pidFileWith("not a pid\n").stopOrphan("sleep", SLEEP_MARKS, "TERM")).isFalse();
        assertThat(server.isAlive()).isTrue();
    }

    private PidFile pidFileWith(String content) throws IOException {
        Path file = directory.resolve("server.pid");
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        return new PidFile(file);
    }

    private static long deadProcessPid() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        return finished.pid();
    }
}
