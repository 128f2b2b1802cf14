package io.agentobs.consumer.config;

import java.util.Map;

import io.agentobs.events.kafka.KafkaConnection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Kafka cluster is and how to authenticate to it ({@code agentobs.kafka.*}, seed 002's TLS/SASL settings).
 *
 * @param brokers bootstrap servers, comma separated ({@code KAFKA_BROKERS})
 * @param securityProtocol PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL ({@code KAFKA_SECURITY_PROTOCOL})
 * @param saslMechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 ({@code KAFKA_SASL_MECHANISM})
 * @param saslUsername SASL user ({@code KAFKA_SASL_USERNAME})
 * @param saslPassword SASL password ({@code KAFKA_SASL_PASSWORD}); never logged
 * @param sslCaLocation PEM file of the CA certificates to trust ({@code KAFKA_SSL_CA_LOCATION})
 * @param sslKeystoreLocation PEM file holding the client's private key and certificate chain, for mutual TLS
 * @param sslKeyPassword password of that private key, if it is encrypted
 * @param sslEndpointIdentification {@code https} to verify the broker host name, empty to skip
 * @param properties any further Kafka client settings, passed through as they are
 */
@Validated
@ConfigurationProperties("agentobs.kafka")
public record KafkaConnectionProperties(
        @DefaultValue("localhost:9092") @NotBlank String brokers,
        @DefaultValue("PLAINTEXT") @Pattern(regexp = "PLAINTEXT|SSL|SASL_PLAINTEXT|SASL_SSL",
                message = "must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL") String securityProtocol,
        @DefaultValue("PLAIN") @Pattern(regexp = "PLAIN|SCRAM-SHA-256|SCRAM-SHA-512",
                message = "must be one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512") String saslMechanism,
        String saslUsername,
        String saslPassword,
        String sslCaLocation,
        String sslKeystoreLocation,
        String sslKeyPassword,
        @DefaultValue("https") String sslEndpointIdentification,
        Map<String, String> properties) {

    /** Kafka client settings shared by the consumer, the dead-letter producer and the admin client. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new KafkaConnection(brokers, securityProtocol, saslMechanism, saslUsername,
                saslPassword, sslCaLocation, sslKeystoreLocation, sslKeyPassword, sslEndpointIdentification)
                .clientProperties();
        if (properties != null) {
            props.putAll(properties);
        }
        return props;
    }

    /** Hides the SASL password and key password so the record can be logged. */
    @Override
    public String toString() {
        return "KafkaConnectionProperties[brokers=" + brokers + ", securityProtocol=" + securityProtocol
                + ", saslMechanism=" + saslMechanism + ", saslUsername=" + saslUsername + ", saslPassword="
                + (saslPassword == null ? "null" : "****") + ", sslCaLocation=" + sslCaLocation + "]";
    }
}
