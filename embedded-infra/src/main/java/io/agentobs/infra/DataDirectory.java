package io.agentobs.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** A server's data directory: the caller's persistent one, or a temporary one that {@link #release()} deletes. */
final class DataDirectory {

    private final Optional<Path> persistent;
    private final String tempPrefix;
    private Path path;

    DataDirectory(Optional<Path> persistent, String tempPrefix) {
        this.persistent = persistent.map(p -> p.toAbsolutePath().normalize());
        this.tempPrefix = tempPrefix;
    }

    /** The directory, created on first use. */
    synchronized Path path() {
        if (path == null) {
            try {
                path = persistent.isPresent()
                        ? Files.createDirectories(persistent.get())
                        : Files.createTempDirectory(tempPrefix);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory for " + tempPrefix, e);
            }
        }
        return path;
    }

    boolean isTransient() {
        return persistent.isEmpty();
    }

    /** Deletes a temporary directory with its content; leaves a persistent one alone. */
    synchronized void release() {
        if (path != null && isTransient()) {
            deleteRecursively(path);
            path = null;
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(DataDirectory::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A file that a dying server process still writes; the temp directory cleaner takes the rest.
        }
    }
}
