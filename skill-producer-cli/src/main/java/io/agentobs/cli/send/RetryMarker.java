package io.agentobs.cli.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code retry-after} in the spool directory: until when one-event publishes should not wait for Kafka again because
 * an invocation just found it unreachable. Advisory only: a lost or stale marker costs one timeout, never an event,
 * so it is written without fsync and unreadable content counts as no marker.
 */
final class RetryMarker {

    static final String FILE_NAME = "retry-after";

    private final Path file;

    RetryMarker(Path spoolDirectory) {
        this.file = spoolDirectory.resolve(FILE_NAME);
    }

    /** Epoch milliseconds before which Kafka should not be tried again; 0 when there is no marker. */
    long retryAfter() {
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException noMarker) {
            return 0;
        }
    }

    void set(long epochMillis) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + "." + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(temporary, Long.toString(epochMillis), StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException unwritable) {
            // Advisory: without it the next invocation simply tries Kafka again.
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Advisory, see set().
        }
    }
}
