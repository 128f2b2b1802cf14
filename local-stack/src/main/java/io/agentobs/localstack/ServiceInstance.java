package io.agentobs.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.agentobs.infra.client.ServiceHttp;

/**
 * One service jar running as its own process ({@code java -Xmx… -jar}), configured by environment variables only,
 * its output appended to a log file. Lifecycle: {@link #start}, {@link #awaitReady}, then {@link #terminate} and
 * {@link #awaitExit} (or {@link #stop}).
 */
final class ServiceInstance {

    static final String READINESS_PATH = "/actuator/health/readiness";

    /** In a session of its own where the system has setsid: a Ctrl-C at the terminal then reaches the stack's JVM
     *  only, which stops the services itself, in order, before the servers they depend on. */
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 20;

    private final FleetService service;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceInstance(FleetService service, int port, Path log, Process process) {
        this.service = service;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the jar with these variables (plus {@code HEALTH_CHECK_PORT}); output goes to {@code log}. */
    static ServiceInstance start(FleetService service, Path jar, int port, Map<String, String> environment,
                                 Path log) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(List.of(javaBinary(), "-Xmx" + service.maxHeap(),
                // One core's worth of collector: two cores are shared by the whole stack.
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().putAll(service.environment());
        builder.environment().put("HEALTH_CHECK_PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        return new ServiceInstance(service, port, log, builder.start());
    }

    /**
     * Waits until {@code /actuator/health/readiness} answers 200 (UP).
     *
     * @throws IllegalStateException when the process ends first or the timeout passes, naming the log file
     */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ServiceHttp.status(port, READINESS_PATH) != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with code " + process.exitValue()
                        + " before it was ready; its log is " + log + tail());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(service.module() + " was not ready on http://localhost:" + port
                        + READINESS_PATH + " within " + timeout.toSeconds() + " s; its log is " + log + tail());
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    /** SIGTERM: the service finishes its batch, commits and exits (its graceful shutdown). */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; SIGKILL when it has not by the deadline. Returns whether it ended in time. */
    boolean awaitExit(Duration deadline) throws InterruptedException {
        if (process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor();
        return false;
    }

    /** {@link #terminate()} then {@link #awaitExit}. */
    boolean stop(Duration deadline) throws InterruptedException {
        terminate();
        return awaitExit(deadline);
    }

    /** UP when the readiness endpoint answers 200 now, else DOWN. */
    String readiness() {
        return ServiceHttp.status(port, READINESS_PATH) == 200 ? "UP" : "DOWN";
    }

    FleetService service() {
        return service;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return last.isEmpty() ? "" : "; its last lines:" + System.lineSeparator()
                    + String.join(System.lineSeparator(), last);
        } catch (IOException e) {
            return "";
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
