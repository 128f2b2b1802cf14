package io.agentobs.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How to run an embedded Kafka broker.
 *
 * @param port              port for clients, or 0 for a free one chosen at start
 * @param partitions        {@code num.partitions}: partitions of auto-created topics
 * @param autoCreateTopics  {@code auto.create.topics.enable}
 * @param brokerProperties  further broker settings; they win over the ones derived from the other fields
 * @param saslUsers         user name to password; when not empty the client port only accepts SASL_PLAINTEXT
 *                          clients of these users, see {@link #withSaslUsers(Map)}
 */
public record KafkaOptions(int port, int partitions, boolean autoCreateTopics, Map<String, String> brokerProperties,
                           Map<String, String> saslUsers) {

    /** User names that need no quoting in a JAAS option name ({@code user_<name>}) nor escaping in SCRAM. */
    private static final Pattern SASL_USER_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public KafkaOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (random) or 1-65535, was " + port);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        brokerProperties = Map.copyOf(brokerProperties);
        saslUsers.forEach((user, password) -> {
            if (!SASL_USER_NAME.matcher(user).matches()) {
                throw new IllegalArgumentException("SASL user names may only hold letters, digits, '.', '_' and '-', was " + user);
            }
        });
        saslUsers = Map.copyOf(saslUsers);
    }

    /** Options without SASL users: the client port speaks PLAINTEXT. */
    public KafkaOptions(int port, int partitions, boolean autoCreateTopics, Map<String, String> brokerProperties) {
        this(port, partitions, autoCreateTopics, brokerProperties, Map.of());
    }

    /** For tests: a free port, one partition per auto-created topic, auto-creation on. */
    public static KafkaOptions randomPort() {
        return new KafkaOptions(0, 1, true, Map.of());
    }

    /** For the local stack: the given port, otherwise as {@link #randomPort()}. */
    public static KafkaOptions fixedPort(int port) {
        return randomPort().withPort(port);
    }

    public KafkaOptions withPort(int newPort) {
        return new KafkaOptions(newPort, partitions, autoCreateTopics, brokerProperties, saslUsers);
    }

    public KafkaOptions withPartitions(int newPartitions) {
        return new KafkaOptions(port, newPartitions, autoCreateTopics, brokerProperties, saslUsers);
    }

    public KafkaOptions withAutoCreateTopics(boolean enabled) {
        return new KafkaOptions(port, partitions, enabled, brokerProperties, saslUsers);
    }

    public KafkaOptions withBrokerProperty(String key, String value) {
        Map<String, String> merged = new LinkedHashMap<>(brokerProperties);
        merged.put(key, value);
        return new KafkaOptions(port, partitions, autoCreateTopics, merged, saslUsers);
    }

    /**
     * Makes the client port ({@link KafkaServer#bootstrapServers()}) require SASL over plain TCP
     * ({@code security.protocol=SASL_PLAINTEXT}) with mechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, for these
     * users (name to password). Clients without SASL, or with an unknown user or a wrong password, are refused.
     * The broker's own listeners stay PLAINTEXT, and no authorizer is installed: every authenticated user may do
     * anything. With port 0 a free port is picked before the broker starts, as for the other embedded servers.
     */
    public KafkaOptions withSaslUsers(Map<String, String> users) {
        return new KafkaOptions(port, partitions, autoCreateTopics, brokerProperties, users);
    }

    /** Lists the SASL user names but not their passwords. */
    @Override
    public String toString() {
        return "KafkaOptions[port=" + port + ", partitions=" + partitions + ", autoCreateTopics=" + autoCreateTopics
                + ", brokerProperties=" + brokerProperties + ", saslUsers=" + saslUsers.keySet() + "]";
    }
}
