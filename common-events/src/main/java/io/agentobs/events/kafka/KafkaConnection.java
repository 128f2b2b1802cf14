package io.agentobs.events.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a Kafka cluster is and how to authenticate to it (seed 002's TLS/SASL settings), turned into Kafka client
 * properties. Plain Java so that the services (through {@code agentobs.kafka.*}) and the CLI (through the
 * environment) connect the same way.
 *
 * @param brokers bootstrap servers, comma separated ({@code KAFKA_BROKERS})
 * @param securityProtocol PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL ({@code KAFKA_SECURITY_PROTOCOL})
 * @param saslMechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 ({@code KAFKA_SASL_MECHANISM})
 * @param saslUsername SASL user ({@code KAFKA_SASL_USERNAME})
 * @param saslPassword SASL password ({@code KAFKA_SASL_PASSWORD}); never in {@link #toString()}
 * @param sslCaLocation PEM file of the CA certificates to trust ({@code KAFKA_SSL_CA_LOCATION})
 * @param sslKeystoreLocation PEM file with the client's private key and certificate chain, for mutual TLS
 * @param sslKeyPassword password of that private key, if it is encrypted; never in {@link #toString()}
 * @param sslEndpointIdentification {@code https} to verify the broker host name, empty to skip
 */
public record KafkaConnection(
        String brokers,
        String securityProtocol,
        String saslMechanism,
        String saslUsername,
        String saslPassword,
        String sslCaLocation,
        String sslKeystoreLocation,
        String sslKeyPassword,
        String sslEndpointIdentification) {

    public static final String DEFAULT_BROKERS = "localhost:9092";
    public static final Set<String> SECURITY_PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    public static final Set<String> SASL_MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    /**
     * Reads the seed environment variables ({@code KAFKA_BROKERS}, {@code KAFKA_SECURITY_PROTOCOL},
     * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_USERNAME}, {@code KAFKA_SASL_PASSWORD},
     * {@code KAFKA_SSL_CA_LOCATION}, {@code KAFKA_SSL_KEYSTORE_LOCATION}, {@code KAFKA_SSL_KEY_PASSWORD},
     * {@code KAFKA_SSL_ENDPOINT_IDENTIFICATION}); unset or blank variables take the defaults.
     */
    public static KafkaConnection fromEnvironment(Map<String, String> env) {
        return new KafkaConnection(
                valueOr(env, "KAFKA_BROKERS", DEFAULT_BROKERS),
                valueOr(env, "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT").toUpperCase(Locale.ROOT),
                valueOr(env, "KAFKA_SASL_MECHANISM", "PLAIN").toUpperCase(Locale.ROOT),
                env.get("KAFKA_SASL_USERNAME"),
                env.get("KAFKA_SASL_PASSWORD"),
                env.get("KAFKA_SSL_CA_LOCATION"),
                env.get("KAFKA_SSL_KEYSTORE_LOCATION"),
                env.get("KAFKA_SSL_KEY_PASSWORD"),
                env.getOrDefault("KAFKA_SSL_ENDPOINT_IDENTIFICATION", "https"));
    }

    /**
     * Kafka client properties for this connection: bootstrap servers, security protocol, SASL JAAS configuration and
     * PEM trust and key stores.
     *
     * @throws IllegalArgumentException naming the setting when the protocol or mechanism is unknown or SASL
     *         credentials are missing
     */
    public Map<String, Object> clientProperties() {
        if (isBlank(brokers)) {
            throw new IllegalArgumentException("Kafka brokers (KAFKA_BROKERS) must not be blank");
        }
        if (!SECURITY_PROTOCOLS.contains(securityProtocol)) {
            throw new IllegalArgumentException("Kafka security protocol (KAFKA_SECURITY_PROTOCOL) must be one of "
                    + "PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL, got '" + securityProtocol + "'");
        }
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", brokers);
        props.put("security.protocol", securityProtocol);
        if (securityProtocol.startsWith("SASL")) {
            if (!SASL_MECHANISMS.contains(saslMechanism)) {
                throw new IllegalArgumentException("Kafka SASL mechanism (KAFKA_SASL_MECHANISM) must be one of "
                        + "PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, got '" + saslMechanism + "'");
            }
            if (isBlank(saslUsername) || saslPassword == null || saslPassword.isEmpty()) {
                throw new IllegalArgumentException("Kafka SASL username and password (KAFKA_SASL_USERNAME, "
                        + "KAFKA_SASL_PASSWORD) are required when the security protocol is " + securityProtocol);
            }
            props.put("sasl.mechanism", saslMechanism);
            props.put("sasl.jaas.config", jaasConfig());
        }
        if (securityProtocol.endsWith("SSL")) {
            if (!isBlank(sslCaLocation)) {
                props.put("ssl.truststore.type", "PEM");
                props.put("ssl.truststore.location", sslCaLocation);
            }
            if (!isBlank(sslKeystoreLocation)) {
                props.put("ssl.keystore.type", "PEM");
                props.put("ssl.keystore.location", sslKeystoreLocation);
                if (sslKeyPassword != null) {
                    props.put("ssl.key.password", sslKeyPassword);
                }
            }
            props.put("ssl.endpoint.identification.algorithm",
                    sslEndpointIdentification == null ? "" : sslEndpointIdentification);
        }
        return props;
    }

    private String jaasConfig() {
        String module = "PLAIN".equals(saslMechanism)
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + escape(saslUsername) + "\" password=\"" + escape(saslPassword)
                + "\";";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return isBlank(value) ? fallback : value.trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Hides the SASL password and the key password. */
    @Override
    public String toString() {
        return "KafkaConnection[brokers=" + brokers + ", securityProtocol=" + securityProtocol + ", saslMechanism="
                + saslMechanism + ", saslUsername=" + saslUsername + ", saslPassword="
                + (saslPassword == null ? "null" : "****") + ", sslCaLocation=" + sslCaLocation + "]";
    }
}
