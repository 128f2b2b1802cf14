package io.agentobs.infra;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link InfraServer} lifecycle (idempotent start/stop, close once = stop + release, the port) for subclasses. */
abstract class AbstractInfraServer implements InfraServer {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    /** The port clients use; 0 until the first start chose one, then kept across stop/start. */
    private int port;
    private boolean running;
    private boolean startedOnce;
    private boolean closed;

    /**
     * @param name           how logs and errors call the server, e.g. {@code "PostgreSQL"}
     * @param requestedPort  the options' port: 0 when the first start chooses one
     */
    AbstractInfraServer(String name, int requestedPort) {
        this.name = name;
        this.port = requestedPort;
    }

    /**
     * Starts the server process or threads and returns once clients can connect; {@link #assignPort} the port if
     * none was assigned yet. On failure, {@link #stopServer()} is called next, so it must cope with a half start.
     */
    abstract void startServer();

    /** Stops what {@link #startServer()} started, keeping the port and data; may follow a failed start. */
    abstract void stopServer();

    /** Frees what outlives a stop (temporary directories, stores); runs once, on close, after the stop. */
    abstract void releaseResources();

    /** Where clients connect, for logs, e.g. the JDBC URL. */
    abstract String address();

    /** Appended to the start log line, e.g. {@code ", data in /tmp/x"}. */
    String startDetails() {
        return "";
    }

    // The public methods are not final: for those javac adds public bridges to the public subclasses, without which
    // reflective callers in other packages (Spring's destroy methods, say) may not call them on this hidden class.
    @Override
    public synchronized void start() {
        requireOpen();
        if (running) {
            return;
        }
        long startedAt = System.nanoTime();
        try {
            startServer();
        } catch (RuntimeException e) {
            // Without this a half-started child process would outlive the failure until close(), or forever.
            try {
                stopServer();
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        running = true;
        startedOnce = true;
        log.info("{} listening on {} (started in {} ms{})", name, address(),
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), startDetails());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        try {
            stopServer();
        } finally {
            running = false;
        }
        log.info("{} on {} stopped", name, address());
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Release even when the stop fails: a temporary directory must not outlive the server either way.
        try {
            stop();
        } catch (RuntimeException stopFailure) {
            try {
                releaseResources();
            } catch (RuntimeException releaseFailure) {
                stopFailure.addSuppressed(releaseFailure);
            }
            throw stopFailure;
        }
        releaseResources();
    }

    /** Fails once {@link #close()} was called, for operations that also work on a stopped server. */
    final synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException(name + " server was closed");
        }
    }

    /** The port: a fixed one from the start, a random one once the first start chose it; kept across stop/start. */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException(name + " server has not been started");
        }
        return port;
    }

    /** The port, or 0 if the next start is the first and should choose one. */
    final synchronized int assignedPort() {
        return port;
    }

    final synchronized void assignPort(int chosen) {
        port = chosen;
    }

    @Override
    public synchronized String toString() {
        return getClass().getSimpleName() + "[" + (startedOnce ? address() : "not started") + "]";
    }
}
