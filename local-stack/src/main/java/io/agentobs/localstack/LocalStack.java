package io.agentobs.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.agentobs.infra.InfraStack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole fleet on this machine. Start order: the four servers (in parallel), the catalog's topics, the services
 * one by one ({@link Fleet}), then the optional simulation. Stop order: simulation, services, servers. Everything
 * lives under the data directory, so a restart continues where the last run stopped.
 */
final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    /** How long each service gets to finish its batch and commit after SIGTERM. */
    private static final Duration SERVICE_STOP_DEADLINE = Duration.ofSeconds(30);
    private static final Duration SIMULATION_STOP_DEADLINE = Duration.ofSeconds(15);

    private final LocalStackOptions options;
    private final Path dataDirectory;
    private final InfraStack infra;
    private final Fleet fleet = new Fleet(SERVICE_STOP_DEADLINE);
    private volatile Simulation simulation;

    LocalStack(LocalStackOptions options) {
        this.options = options;
        this.dataDirectory = options.dataDirectory().toAbsolutePath().normalize();
        if (options.clean()) {
            DataFolder.delete(dataDirectory, options.home());
        }
        this.infra = InfraStack.createPersistent(options.infraPorts(), dataDirectory);
    }

    /** Makes a JVM shutdown (Ctrl-C, SIGTERM) stop the stack in order; call before {@link #start()}. */
    void stopOnShutdown() {
        infra.closeOnShutdown(this::stopServices);
    }

    /**
     * Starts everything and returns once every service is ready.
     *
     * @throws IllegalStateException when a server or a service does not come up; the caller closes the stack
     */
    void start() throws IOException, InterruptedException {
        Files.createDirectories(dataDirectory);
        infra.start();
        LOG.info("Topics: {}", TopicSetup.createTopics(infra.kafka().bootstrapServers()).strip());
        fleet.start(options.home(), ServiceEnvironment.of(infra, options.serviceEnvironment()),
                options.servicePorts(), dataDirectory.resolve("logs"), options.readinessTimeout());
        if (options.simulateRate().isPresent()) {
            simulation = Simulation.start(infra.kafka().bootstrapServers(), options.simulateRate().getAsDouble(),
                    dataDirectory.resolve("spool"));
        }
    }

    /** The table of what runs where. */
    String table() {
        String traffic = options.simulateRate().isPresent()
                ? "agentobs simulate publishes " + options.simulateRate().getAsDouble() + " events/s"
                : "no traffic yet: bin/agentobs simulate --rate 200, or restart with --simulate";
        return StackTable.render(infra, fleet,
                new LocalStackStatus(dataDirectory, "data in " + dataDirectory.resolve("kafka"), traffic));
    }

    InfraStack infra() {
        return infra;
    }

    Fleet fleet() {
        return fleet;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the simulation, then the services; the servers stay up. */
    void stopServices() {
        Simulation running = simulation;
        if (running != null) {
            try {
                running.awaitEnd(SIMULATION_STOP_DEADLINE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fleet.close();
    }

    /** Services first, then the servers; the data directory stays. */
    @Override
    public void close() {
        try {
            stopServices();
        } finally {
            infra.close();
        }
    }
}
