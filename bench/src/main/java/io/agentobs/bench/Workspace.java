package io.agentobs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the benchmarks find the rest of the repository: the services' packaged jars and the migrations. The root is
 * found from this class's location ({@code bench/target/benchmarks.jar} or {@code bench/target/classes}), or set
 * with {@code -Dagentobs.bench.root}; a service's jar can be named with {@code -Dagentobs.bench.db-writer-jar},
 * {@code -Dagentobs.bench.audit-logger-jar}.
 */
final class Workspace {

    private Workspace() {
    }

    /** The repository's root directory. */
    static Path root() {
        String configured = System.getProperty("agentobs.bench.root");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path location = Path.of(Workspace.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = location.toAbsolutePath().getParent().getParent().getParent();
            return Files.isDirectory(root.resolve("migrations")) ? root : Path.of("").toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the benchmarks run from", e);
        }
    }

    /**
     * A service's Spring Boot jar, e.g. {@code serviceJar("db-writer-service")}
     * ({@code ./mvnw -pl db-writer-service,bench -am package}); {@code -Dagentobs.bench.db-writer-jar} names another.
     */
    static Path serviceJar(String module) {
        String configured = System.getProperty("agentobs.bench." + module.replaceFirst("-service$", "") + "-jar");
        if (configured != null) {
            return Path.of(configured);
        }
        Path target = root().resolve(module).resolve("target");
        List<Path> jars;
        try (Stream<Path> files = Files.list(target)) {
            jars = files.filter(f -> f.getFileName().toString().matches(Pattern.quote(module) + "-[0-9].*\\.jar"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + target + ": build it with ./mvnw -pl " + module + ",bench -am"
                    + " package -DskipTests", e);
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("expected one " + module + " jar in " + target + ", found " + jars);
        }
        return jars.get(0);
    }

    /** A migration script of the schema, e.g. {@code V1__event_tables.sql}. */
    static String migration(String file) {
        try {
            return Files.readString(root().resolve("migrations").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migrations/" + file, e);
        }
    }

    /** Deletes a directory with everything in it. */
    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
