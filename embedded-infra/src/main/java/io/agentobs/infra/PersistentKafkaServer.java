package io.agentobs.infra;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KafkaServer} whose data survives a restart: one combined KRaft broker+controller ({@link KafkaRaftServer})
 * in this JVM with its log directory in a directory of the caller's, formatted once (a new cluster id) with the
 * storage tool's {@link Formatter} and reused by every later start. What the local stack runs; tests use
 * {@link EmbeddedKafkaServer}, which starts faster in a temporary directory.
 */
public final class PersistentKafkaServer extends AbstractInfraServer implements KafkaServer {

    private static final Logger LOG = LoggerFactory.getLogger(PersistentKafkaServer.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDirectory;
    private final int partitions;
    private KafkaRaftServer server;

    /**
     * @param port          client port ({@code localhost:port}), or 0 for a free one chosen at first start
     * @param logDirectory  Kafka's {@code log.dirs} and metadata log; created and formatted on first start
     * @param partitions    {@code num.partitions} of auto-created topics
     */
    public PersistentKafkaServer(int port, Path logDirectory, int partitions) {
        super("Kafka", port);
        this.logDirectory = logDirectory.toAbsolutePath().normalize();
        this.partitions = partitions;
    }

    @Override
    void startServer() {
        if (assignedPort() == 0) {
            assignPort(FreePorts.next());
        }
        // Only this JVM talks to the controller; a static single voter may move to another port between starts.
        Map<String, String> properties = properties(assignedPort(), FreePorts.next());
        KafkaConfig config = new KafkaConfig(properties, false);
        try {
            if (!Files.exists(logDirectory.resolve("meta.properties"))) {
                format(config);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka's log directory " + logDirectory, e);
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitBroker();
    }

    private Map<String, String> properties(int clientPort, int controllerPort) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://localhost:" + clientPort + "," + CONTROLLER_LISTENER
                + "://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDirectory.toString());
        properties.put("num.partitions", Integer.toString(partitions));
        SingleNodeBrokerSettings.addTo(properties);
        return properties;
    }

    /** What {@code kafka-storage.sh format -t <new id> -c <config>} does, for this one node. */
    private void format(KafkaConfig config) throws Exception {
        Files.createDirectories(logDirectory);
        String clusterId = Uuid.randomUuid().toString();
        new Formatter()
                .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(clusterId)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .setDirectories(List.of(logDirectory.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
        LOG.info("Formatted Kafka's log directory {} for the new cluster {}", logDirectory, clusterId);
    }

    /** Returns once the broker answers a client, as the test kit's start does. */
    private void awaitBroker() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " did not become ready", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    @Override
    void stopServer() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    void releaseResources() {
        // The log directory is the caller's and stays.
    }

    @Override
    String address() {
        return bootstrapServers();
    }

    @Override
    String startDetails() {
        return ", data in " + logDirectory;
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port();
    }

    /** The log directory; it outlives the server. */
    public Path logDirectory() {
        return logDirectory;
    }
}
