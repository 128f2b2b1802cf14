package io.agentobs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agentobs service as deployed: {@code java -jar <service>-<version>.jar} in its own process, configured by the
 * seeds' environment variables, its output in a log file, {@code HEALTH_CHECK_PORT} chosen here so its actuator can
 * be scraped. Stopped with SIGTERM (graceful shutdown).
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile(
            "Started \\w+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String EXTRA_ENV = "agentobs.bench.env.";

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread killOnExit;

    private ServiceProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.killOnExit = new Thread(process::destroyForcibly, "bench-kill-service");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts the jar with the default JVM options and these environment variables added to the benchmark's own. */
    static ServiceProcess start(Path jar, Map<String, String> environment, Path log) throws IOException {
        int port = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("HEALTH_CHECK_PORT", Integer.toString(port));
        return new ServiceProcess(builder.start(), log, port);
    }

    /** Settings beyond the benchmark's: {@code -Dagentobs.bench.env.NAME=value} passes NAME=value to the service. */
    static Map<String, String> extraEnvironment() {
        Map<String, String> env = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(EXTRA_ENV))
                .forEach(name -> env.put(name.substring(EXTRA_ENV.length()), System.getProperty(name)));
        return env;
    }

    long pid() {
        return process.isAlive() ? process.pid() : 0;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Throws, with the end of its log, when the process has exited. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the service exited; its log:\n" + logTail(60));
        }
    }

    /** Spring Boot's own start-up figures from the log: seconds to started, and since the JVM began. */
    Optional<double[]> startedSeconds() {
        try {
            Matcher matcher = STARTED.matcher(Files.readString(log));
            return matcher.find()
                    ? Optional.of(new double[] {Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2))})
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's Prometheus scrape. */
    PrometheusText metrics() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("/actuator/prometheus answered " + response.statusCode());
        }
        return new PrometheusText(response.body());
    }

    /** The last lines of the service's log, for error messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** SIGTERM, then waits for the graceful shutdown; kills after a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting already; the hook kills the process anyway
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
