package io.agentobs.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file naming a server process and the JVM that owns it, so a start after a {@code kill -9} of that JVM can stop
 * the server it orphaned. Lines: server pid, owner pid, server start instant, owner start instant. Also reads
 * PostgreSQL's {@code postmaster.pid}: pid, data directory, start time in epoch seconds.
 */
final class PidFile {

    private static final Logger LOG = LoggerFactory.getLogger(PidFile.class);
    private static final Duration GRACE = Duration.ofSeconds(15);
    /**
     * Two readings of one process's start can differ a little: the kernel's boot time, which they are computed
     * from, shifts with clock adjustments, and postmaster.pid keeps whole seconds. A reused pid is minutes off.
     */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(2);
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d+");

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
        return parsePid(line(readLines(), 0));
    }

    /** Records the server's pid and start instant with this JVM as its owner. */
    void write(long serverPid) {
        ProcessHandle owner = ProcessHandle.current();
        String content = serverPid + "\n" + owner.pid() + "\n"
                + ProcessHandle.of(serverPid).flatMap(PidFile::startOf).map(Instant::toString).orElse("") + "\n"
                + startOf(owner).map(Instant::toString).orElse("") + "\n";
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, content, StandardCharsets.US_ASCII);
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
     * Stops the server this file names if its owner is gone and it is still the very process that was recorded:
     * same start instant (so not a pid reused after a reboot by, say, the machine's own PostgreSQL), an executable
     * containing {@code executable} and, where its command line is readable, a command line mentioning one of
     * {@code marks} (data directory, port). Sends {@code SIG<signal>}, then SIGKILL after a grace period.
     *
     * @return whether a process was stopped
     */
    boolean stopOrphan(String executable, List<String> marks, String signal) {
        List<String> lines = readLines();
        if (ownerIsAlive(lines)) {
            return false;
        }
        Optional<ProcessHandle> live = serverPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (live.isEmpty()) {
            return false;
        }
        ProcessHandle process = live.get();
        Optional<Instant> recordedStart = parseInstant(line(lines, 2));
        if (!isRecordedProcess(process, recordedStart, executable, marks)) {
            LOG.warn("Leaving process {} alone: {} names it, but it is not the {} recorded there"
                            + " (recorded start {}, process {})", process.pid(), path, executable,
                    recordedStart.map(Instant::toString).orElse("unknown"), process.info());
            return false;
        }
        LOG.warn("Stopping orphaned {} process {} found through {}", executable, process.pid(), path);
        ProcessTermination.terminate(process, signal, GRACE);
        return true;
    }

    /** An owner pid alone is not enough: after a reboot it may name an unrelated process. */
    private static boolean ownerIsAlive(List<String> lines) {
        Optional<ProcessHandle> owner = parsePid(line(lines, 1)).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive);
        Optional<Instant> recordedStart = parseInstant(line(lines, 3));
        return owner.isPresent() && (recordedStart.isEmpty() || startsMatch(owner.get(), recordedStart.get()));
    }

    private static boolean isRecordedProcess(ProcessHandle process, Optional<Instant> recordedStart,
                                             String executable, List<String> marks) {
        ProcessHandle.Info info = process.info();
        if (!info.command().or(info::commandLine).orElse("").contains(executable)) {
            return false;
        }
        // Without a recorded start (a pid file of an older version) the process cannot be told apart: spare it.
        if (recordedStart.isEmpty() || !startsMatch(process, recordedStart.get())) {
            return false;
        }
        Optional<String> commandLine = commandLineOf(process);
        return commandLine.isEmpty() || marks.isEmpty()
                || marks.stream().anyMatch(mark -> mentions(commandLine.get(), mark));
    }

    private static boolean startsMatch(ProcessHandle process, Instant recorded) {
        return startOf(process)
                .map(actual -> Duration.between(actual, recorded).abs().compareTo(START_TOLERANCE) <= 0)
                .orElse(false);
    }

    /** Whole words only: port 5432 is not mentioned by 15432, nor directory /data by /data2. */
    private static boolean mentions(String commandLine, String mark) {
        return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(mark) + "(?![A-Za-z0-9])")
                .matcher(commandLine).find();
    }

    /**
     * Linux's own record first: Redis overwrites its arguments with a title ({@code redis-server 127.0.0.1:6379}),
     * which the JDK then reports as a bare command without arguments.
     */
    private static Optional<String> commandLineOf(ProcessHandle process) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8);
            String joined = raw.replace('\0', ' ').trim();
            if (!joined.isEmpty()) {
                return Optional.of(joined);
            }
        } catch (IOException e) {
            // Not Linux, or not readable: fall back to what the JDK can tell.
        }
        return process.info().commandLine();
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
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

    private static String line(List<String> lines, int index) {
        return index < lines.size() ? lines.get(index).trim() : "";
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Our files hold ISO-8601 instants; postmaster.pid holds epoch seconds. */
    private static Optional<Instant> parseInstant(String line) {
        try {
            return line.isEmpty() ? Optional.empty()
                    : Optional.of(EPOCH_SECONDS.matcher(line).matches()
                            ? Instant.ofEpochSecond(Long.parseLong(line)) : Instant.parse(line));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
