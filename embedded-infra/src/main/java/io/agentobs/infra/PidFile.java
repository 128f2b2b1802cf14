package io.agentobs.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file holding a server process's pid (first line) and the pid of the JVM that owns it (second line), so that
 * a start after a {@code kill -9} of that JVM can stop the server process it orphaned, which would otherwise hold
 * the port and the data directory. Also reads PostgreSQL's {@code postmaster.pid}, whose second line is not a pid.
 */
final class PidFile {

    private static final Logger LOG = LoggerFactory.getLogger(PidFile.class);
    private static final Duration GRACE = Duration.ofSeconds(15);

    private final Path path;

    PidFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    /** {@code <java.io.tmpdir>/agentobs-infra/<server>-<port>.pid}. */
    static Path defaultPath(String server, int port) {
        return Path.of(System.getProperty("java.io.tmpdir"), "agentobs-infra", server + "-" + port + ".pid");
    }

    Path path() {
        return path;
    }

    /** The pid on the first line, if the file exists and starts with one. */
    Optional<Long> serverPid() {
        List<String> lines = readLines();
        return lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
    }

    /** Records the server's pid with this JVM as its owner. */
    void write(long serverPid) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, serverPid + "\n" + ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pid file " + path, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete pid file " + path, e);
        }
    }

    /**
     * If the first line of this file names a live process whose command contains {@code commandFragment}, and no
     * live owner is recorded on the second line, sends it {@code SIG<signal>} and waits for it to exit, killing
     * it after a grace period.
     *
     * @return whether a process was stopped
     */
    boolean stopOrphan(String commandFragment, String signal) {
        List<String> lines = readLines();
        Optional<Long> owner = lines.size() > 1 ? parsePid(lines.get(1)) : Optional.empty();
        if (owner.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isPresent()) {
            return false;
        }
        Optional<ProcessHandle> orphan = serverPid()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> commandOf(process).contains(commandFragment));
        if (orphan.isEmpty()) {
            return false;
        }
        ProcessHandle process = orphan.get();
        LOG.warn("Stopping orphaned {} process {} found through {}",
                commandFragment, process.pid(), path);
        signal(process, signal);
        if (!awaitExit(process, GRACE)) {
            process.destroyForcibly();
            awaitExit(process, GRACE);
        }
        return true;
    }

    private List<String> readLines() {
        if (!Files.isRegularFile(path)) {
            return List.of();
        }
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable pid file {}", path, e);
            return List.of();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String commandOf(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.command().or(info::commandLine).orElse("");
    }

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
