package io.agentobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which processes a pid file lets a start stop, with {@code sleep} standing in for a server. */
class PidFileTest {

    @TempDir
    Path directory;

    private Process server;

    @AfterEach
    void killServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void processWhoseOwnerDiedIsStopped() throws Exception {
        server = new ProcessBuilder("sleep", "300").start();
        long deadOwner = deadProcessPid();
        PidFile pidFile = pidFileWith(server.pid() + "\n" + deadOwner + "\n");

        assertThat(pidFile.stopOrphan("sleep", "TERM")).isTrue();
        assertThat(server.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void processWhoseOwnerLivesIsLeftAlone() throws Exception {
        server = new ProcessBuilder("sleep", "300").start();
        PidFile pidFile = new PidFile(directory.resolve("server.pid"));
        pidFile.write(server.pid());

        assertThat(pidFile.stopOrphan("sleep", "TERM")).isFalse();
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void processRunningAnotherCommandIsLeftAlone() throws Exception {
        server = new ProcessBuilder("sleep", "300").start();
        PidFile pidFile = pidFileWith(server.pid() + "\n" + deadProcessPid() + "\n");

        assertThat(pidFile.stopOrphan("postgres", "INT")).isFalse();
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void missingOrGarbledFileStopsNothing() throws IOException {
        assertThat(new PidFile(directory.resolve("absent.pid")).stopOrphan("sleep", "TERM")).isFalse();
        assertThat(pidFileWith("not a pid\n").stopOrphan("sleep", "TERM")).isFalse();
    }

    @Test
    void postmasterPidFileWithoutOwnerLineIsReadForItsPid() throws IOException {
        PidFile postmasterPid = pidFileWith("4242\n/var/lib/postgresql/data\n1700000000\n5432\n");

        assertThat(postmasterPid.serverPid()).contains(4242L);
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
