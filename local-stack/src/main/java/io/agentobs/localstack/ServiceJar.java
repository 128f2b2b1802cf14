package io.agentobs.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds a service's repackaged jar in {@code <home>/<module>/target}, as {@code ./mvnw package} leaves it. */
final class ServiceJar {

    private ServiceJar() {
    }

    /** The newest {@code <module>-<version>.jar} (not sources, tests or plain), or empty when none is built. */
    static Optional<Path> find(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> isServiceJar(file.getFileName().toString(), module))
                    .max(Comparator.comparing(ServiceJar::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }

    static boolean isServiceJar(String fileName, String module) {
        return fileName.matches(Pattern.quote(module) + "-[0-9][^/]*\\.jar")
                && !fileName.endsWith("-sources.jar") && !fileName.endsWith("-tests.jar")
                && !fileName.endsWith("-plain.jar") && !fileName.endsWith("-javadoc.jar");
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + file, e);
        }
    }
}
