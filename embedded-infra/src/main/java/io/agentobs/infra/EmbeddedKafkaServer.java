package io.agentobs.infra;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@link KafkaServer} on spring-kafka-test's {@link EmbeddedKafkaKraftBroker}: one combined broker+controller
 * node in this JVM, log directories in a temporary directory (Kafka data never outlives {@link #close()}).
 * {@link #stop()} shuts the broker down while its KRaft controller keeps running; {@link #start()} brings it
 * back on the same port with its topics, records and committed offsets.
 */
public final class EmbeddedKafkaServer implements KafkaServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaServer.class);

    /** Listener bound to the fixed port; the test kit's own EXTERNAL listener always binds a random one. */
    private static final String FIXED_LISTENER = "LOCAL";

    /** The broker publishes its address in these system properties; we clear them (see {@link #start()}). */
    private static final String[] LEAKED_PROPERTIES = {
        "spring.kafka.bootstrap-servers", EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS,
    };

    private final KafkaOptions options;
    private EmbeddedKafkaKraftBroker broker;
    private String bootstrapServers;
    private boolean running;
    private boolean closed;

    public EmbeddedKafkaServer(KafkaOptions options) {
        this.options = options;
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("Kafka server was closed");
        }
        if (running) {
            return;
        }
        long startedAt = System.nanoTime();
        if (broker == null) {
            launch();
        } else {
            restartBrokers();
        }
        running = true;
        LOG.info("Kafka broker listening on {} (started in {} ms)", bootstrapServers,
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
    }

    private void launch() {
        EmbeddedKafkaKraftBroker created = new EmbeddedKafkaKraftBroker(1, options.partitions());
        created.brokerProperties(brokerProperties());
        created.afterPropertiesSet();
        // It sets spring.kafka.bootstrap-servers for the whole JVM, which Spring Boot tests would silently
        // pick up, pointing at whichever broker started last; each test passes its own broker's address.
        for (String property : LEAKED_PROPERTIES) {
            System.clearProperty(property);
        }
        broker = created;
        bootstrapServers = options.port() == 0
                ? created.getBrokersAsString()
                : "localhost:" + options.port();
    }

    private Map<String, String> brokerProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("auto.create.topics.enable", Boolean.toString(options.autoCreateTopics()));
        properties.put("num.partitions", Integer.toString(options.partitions()));
        // One node: every internal topic must make do with one replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions: the first consumer group and transaction are ready sooner.
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("transaction.state.log.num.partitions", "1");
        // A consumer joining a group is assigned at once instead of after 3 s.
        properties.put("group.initial.rebalance.delay.ms", "0");
        // A restarted broker can only register once the controller expired its previous session (default 9 s);
        // in-JVM heartbeats every 500 ms make a 3 s session safe and a restart take about 3 s.
        properties.put("broker.heartbeat.interval.ms", "500");
        properties.put("broker.session.timeout.ms", "3000");
        if (options.port() != 0) {
            // The test kit ignores kafkaPorts(...) in KRaft mode; an extra listener on the fixed port works.
            properties.put("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,"
                    + FIXED_LISTENER + "://localhost:" + options.port());
            properties.put("listener.security.protocol.map",
                    "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + FIXED_LISTENER + ":PLAINTEXT");
        }
        properties.putAll(options.brokerProperties());
        return properties;
    }

    private void restartBrokers() {
        KafkaClusterTestKit cluster = broker.getCluster();
        cluster.brokers().values().forEach(BrokerServer::startup);
        try {
            cluster.waitForReadyBrokers();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka broker did not become ready after restart", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting the Kafka broker", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        broker.getCluster().brokers().values().forEach(BrokerServer::shutdown);
        running = false;
        LOG.info("Kafka broker on {} stopped", bootstrapServers);
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
        running = false;
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }

    @Override
    public synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("Kafka server has not been started");
        }
        return bootstrapServers;
    }

    @Override
    public synchronized int port() {
        String servers = bootstrapServers();
        return Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaServer[" + (bootstrapServers == null ? "not started" : bootstrapServers) + "]";
    }
}
