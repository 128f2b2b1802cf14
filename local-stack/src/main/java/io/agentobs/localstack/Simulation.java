package io.agentobs.localstack;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.agentobs.cli.AgentobsCli;
import io.agentobs.cli.CliContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code agentobs simulate --rate R} run in this JVM on a thread of its own, so data flows as soon as the stack is
 * up. It stops when the JVM shuts down: the command registers a shutdown hook of its own that ends its loop, after
 * which it sends what it holds and prints its summary; {@link #awaitEnd} lets the stack's shutdown wait for that
 * before it stops the services and Kafka.
 */
final class Simulation {

    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);

    /** The command needs an end; a year is "until Ctrl-C". */
    private static final String UNTIL_STOPPED = "365d";

    private final Thread thread;

    private Simulation(Thread thread) {
        this.thread = thread;
    }

    /** Starts publishing {@code rate} events per second to this broker; the spool lives under {@code spoolDir}. */
    static Simulation start(String bootstrapServers, double rate, Path spoolDirectory) {
        CliContext context = new CliContext(
                Map.of("KAFKA_BROKERS", bootstrapServers, "AGENTOBS_SPOOL_DIR", spoolDirectory.toString()),
                InputStream.nullInputStream(), System.out, System.err, Clock.systemUTC());
        Thread thread = new Thread(() -> {
            int exit = AgentobsCli.run(context, "simulate", "--rate", Double.toString(rate),
                    "--duration", UNTIL_STOPPED);
            if (exit != 0) {
                LOG.warn("agentobs simulate ended with exit code {}", exit);
            }
        }, "agentobs-simulate");
        // Never keeps the JVM alive; the shutdown sequence waits for it through awaitEnd.
        thread.setDaemon(true);
        thread.start();
        return new Simulation(thread);
    }

    /** During JVM shutdown: waits until the command has sent what it holds, at most {@code deadline}. */
    void awaitEnd(Duration deadline) throws InterruptedException {
        thread.join(deadline.toMillis());
        if (thread.isAlive()) {
            LOG.warn("agentobs simulate did not finish within {} s", deadline.toSeconds());
        }
    }
}
