package io.agentobs.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@link KafkaServer} on spring-kafka-test's {@link EmbeddedKafkaKraftBroker}: one combined broker+controller
 * node in this JVM, log directories in a temporary directory (Kafka data never outlives {@link #close()}).
 * {@link #stop()} shuts the broker down while its KRaft controller keeps running; {@link #start()} brings it
 * back on the same port with its topics, records and committed offsets.
 *
 * <p>With {@link KafkaOptions#saslUsers()} the client listener speaks SASL_PLAINTEXT (PLAIN and SCRAM) while the
 * test kit's own listeners, which the broker and its controller use among themselves, stay PLAINTEXT.
 */
public final class EmbeddedKafkaServer extends AbstractInfraServer implements KafkaServer {

    /** Listener bound to the fixed port; the test kit's own EXTERNAL listener always binds a random one. */
    private static final String FIXED_LISTENER = "LOCAL";

    /** The broker publishes its address in these system properties; we clear them (see {@link #start()}). */
    private static final String[] LEAKED_PROPERTIES = {
        "spring.kafka.bootstrap-servers", EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS,
    };

    /** Mechanisms the SASL client listener offers; SCRAM users are created through the admin API at start. */
    private static final List<ScramMechanism> SCRAM_MECHANISMS =
            List.of(ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512);
    private static final Duration SASL_SETUP_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaOptions options;
    private final IntSupplier freePorts;
    /** Port of the {@link #FIXED_LISTENER}, or 0 when clients use the test kit's EXTERNAL listener. */
    private int fixedPort;
    private EmbeddedKafkaKraftBroker broker;
    private String bootstrapServers;

    public EmbeddedKafkaServer(KafkaOptions options) {
        this(options, FreePorts::next);
    }

    /** With the ports a random-port SASL start tries, for tests that make it lose the race for one. */
    EmbeddedKafkaServer(KafkaOptions options, IntSupplier freePorts) {
        super("Kafka", options.port());
        this.options = options;
        this.freePorts = freePorts;
    }

    @Override
    void startServer() {
        if (broker != null) {
            restartBrokers();
        } else if (sasl()) {
            // SASL needs a listener of its own on a port chosen beforehand: the test kit binds port 0 itself only
            // for its own listeners, and a listener on port 0 would move to another port at every restart.
            RandomPortStart.start(options.port(), freePorts, this::launch);
        } else {
            launch(options.port());
        }
    }

    private void launch(int port) {
        fixedPort = port;
        EmbeddedKafkaKraftBroker created = new EmbeddedKafkaKraftBroker(1, options.partitions());
        created.brokerProperties(brokerProperties());
        created.afterPropertiesSet();
        // It sets spring.kafka.bootstrap-servers for the whole JVM, which Spring Boot tests would silently
        // pick up, pointing at whichever broker started last; each test passes its own broker's address.
        for (String property : LEAKED_PROPERTIES) {
            System.clearProperty(property);
        }
        if (sasl()) {
            try {
                addScramUsers(created.getBrokersAsString());
            } catch (RuntimeException e) {
                created.destroy();
                throw e;
            }
        }
        broker = created;
        bootstrapServers = fixedPort == 0
                ? created.getBrokersAsString()
                : "localhost:" + fixedPort;
        assignPort(Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1)));
    }

    private boolean sasl() {
        return !options.saslUsers().isEmpty();
    }

    private Map<String, String> brokerProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("auto.create.topics.enable", Boolean.toString(options.autoCreateTopics()));
        properties.put("num.partitions", Integer.toString(options.partitions()));
        SingleNodeBrokerSettings.addTo(properties);
        // A restarted broker can only register once the controller expired its previous session (default 9 s);
        // in-JVM heartbeats every 500 ms make a 3 s session safe and a restart take about 3 s.
        properties.put("broker.heartbeat.interval.ms", "500");
        properties.put("broker.session.timeout.ms", "3000");
        if (fixedPort != 0) {
            // The test kit ignores kafkaPorts(...) in KRaft mode; an extra listener on the fixed port works.
            properties.put("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,"
                    + FIXED_LISTENER + "://localhost:" + fixedPort);
            properties.put("listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,"
                    + FIXED_LISTENER + ":" + (sasl() ? "SASL_PLAINTEXT" : "PLAINTEXT"));
        }
        if (sasl()) {
            // Only the client listener authenticates; EXTERNAL stays the PLAINTEXT inter-broker listener.
            String prefix = "listener.name." + FIXED_LISTENER.toLowerCase(Locale.ROOT) + ".";
            properties.put(prefix + "sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512");
            properties.put(prefix + "plain.sasl.jaas.config", plainServerJaasConfig());
            String scram = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
            properties.put(prefix + "scram-sha-256.sasl.jaas.config", scram);
            properties.put(prefix + "scram-sha-512.sasl.jaas.config", scram);
        }
        properties.putAll(options.brokerProperties());
        return properties;
    }

    /** PLAIN checks passwords against {@code user_<name>} options of its server login module. */
    private String plainServerJaasConfig() {
        StringBuilder config = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        options.saslUsers().forEach((user, password) ->
                config.append(" user_").append(user).append("=\"").append(jaasEscape(password)).append('"'));
        return config.append(';').toString();
    }

    private static String jaasEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * SCRAM credentials live in the cluster metadata: create them over the PLAINTEXT listener, then wait until the
     * broker accepts a SCRAM login, as it applies the metadata a moment after the controller committed it.
     */
    private void addScramUsers(String plaintextBootstrap) {
        long timeoutMs = SASL_SETUP_TIMEOUT.toMillis();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", plaintextBootstrap))) {
            // One request per mechanism: a request may alter each user only once. SCRAM-SHA-512 comes last,
            // so the probe below also covers the earlier ones (the broker applies metadata in order).
            for (ScramMechanism mechanism : SCRAM_MECHANISMS) {
                List<UserScramCredentialAlteration> upserts = new ArrayList<>();
                options.saslUsers().forEach((user, password) -> upserts.add(
                        new UserScramCredentialUpsertion(user, new ScramCredentialInfo(mechanism, 4096), password)));
                admin.alterUserScramCredentials(upserts).all().get(timeoutMs, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the SCRAM users on the embedded Kafka broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating SCRAM users", e);
        }
        Map.Entry<String, String> probeUser = options.saslUsers().entrySet().iterator().next();
        Map<String, Object> probe = Map.of(
                "bootstrap.servers", "localhost:" + fixedPort,
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", ScramMechanism.SCRAM_SHA_512.mechanismName(),
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + probeUser.getKey() + "\" password=\"" + jaasEscape(probeUser.getValue()) + "\";");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try (Admin admin = Admin.create(probe)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
                    return;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof AuthenticationException) || System.nanoTime() > deadline) {
                        throw new IllegalStateException("the embedded Kafka broker did not accept its SCRAM users", e);
                    }
                    TimeUnit.MILLISECONDS.sleep(50);
                }
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the embedded Kafka broker did not accept its SCRAM users", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for SCRAM users", e);
        }
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
    void stopServer() {
        if (broker != null) {
            broker.getCluster().brokers().values().forEach(BrokerServer::shutdown);
        }
    }

    @Override
    void releaseResources() {
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }

    @Override
    String address() {
        return bootstrapServers();
    }

    @Override
    public synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("Kafka server has not been started");
        }
        return bootstrapServers;
    }
}
