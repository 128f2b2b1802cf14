package io.agentobs.infra;

/**
 * Lifecycle shared by every embedded server: {@code start()}, then any number of {@code stop()} / {@code start()}
 * pairs (same host and port, data kept, e.g. to simulate an outage), then {@code close()}, after which the
 * server's transient data is gone and it cannot be started again.
 */
public interface InfraServer extends AutoCloseable {

    /** Starts the server and returns once it accepts clients; does nothing if it is already running. */
    void start();

    /** Stops the server but keeps its port and data so {@link #start()} can bring it back; idempotent. */
    void stop();

    /** Whether the server is started and not stopped. */
    boolean isRunning();

    /** Stops the server for good and deletes its transient data directory; idempotent. */
    @Override
    void close();
}
