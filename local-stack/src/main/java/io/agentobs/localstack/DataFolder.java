package io.agentobs.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The stack's data directory: {@code kafka/}, {@code postgres/}, {@code redis/}, {@code s3/}, {@code logs/}… */
final class DataFolder {

    private DataFolder() {
    }

    /**
     * Deletes the directory and everything in it ({@code --clean}); refuses a directory that holds the repository,
     * so a mistyped {@code --data-dir=.} cannot take the sources with it.
     */
    static void delete(Path directory, Path home) {
        Path data = directory.toAbsolutePath().normalize();
        if (home.toAbsolutePath().normalize().startsWith(data)) {
            throw new IllegalArgumentException("--clean would delete " + data + ", which holds the repository "
                    + home.toAbsolutePath().normalize() + "; pick another --data-dir");
        }
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + data, e);
        }
    }
}
