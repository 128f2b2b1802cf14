package io.agentobs.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A service's own jar run as a separate process, as users run it, configured only by environment variables, so a
 * test can kill it with SIGKILL and start it again.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code java -Xmx384m -jar <jar>} with these environment variables and a free HTTP port
     * ({@code HEALTH_CHECK_PORT}); its output is appended to {@code log}.
     */
    public static ServiceProcess start(Path jar, Map<String, String> environment, Path log) throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx384m", "-jar", jar.toString()));
        builder.environment().putAll(environment);
        builder.environment().put("HEALTH_CHECK_PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServiceProcess(builder.start(), port);
    }

    /** The repackaged jar of a module in its {@code target/} directory, e.g. {@code db-writer-service-0.1.0.jar}. */
    public static Path jarOf(Path targetDirectory, String artifactId) throws IOException {
        try (Stream<Path> jars = Files.list(targetDirectory)) {
            return jars.filter(p -> p.getFileName().toString().matches(artifactId + "-[0-9].*\\.jar")
                            && !p.getFileName().toString().endsWith("-sources.jar")
                            && !p.getFileName().toString().endsWith("-tests.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no " + artifactId + " jar in " + targetDirectory + ": run mvn package first"));
        }
    }

    /** The HTTP port of the service (health, metrics). */
    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no commit, no close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then waits for the process to end: the graceful shutdown users get from their supervisor. */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
