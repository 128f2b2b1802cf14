package io.agentobs.consumer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The Kafka client settings that seed 002's TLS/SASL variables turn into. */
class KafkaConnectionPropertiesTest {

    @Test
    void plaintextNeedsOnlyBrokers() {
        Map<String, Object> props = connection("PLAINTEXT", "PLAIN", null, null, null).clientProperties();
        assertThat(props).containsEntry("bootstrap.servers", "k:9092").containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKeys("sasl.jaas.config", "ssl.truststore.location");
    }

    @Test
    void saslSslWithScramBuildsJaasConfigAndPemTruststore() {
        Map<String, Object> props = connection("SASL_SSL", "SCRAM-SHA-512", "svc", "p\"w\\d", "/etc/ca.pem").clientProperties();
        assertThat(props).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"svc\" password=\"p\\\"w\\\\d\";")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/ca.pem")
                .containsEntry("ssl.endpoint.identification.algorithm", "https");
    }

    @Test
    void saslPlainUsesPlainLoginModule() {
        Map<String, Object> props = connection("SASL_PLAINTEXT", "PLAIN", "u", "p", null).clientProperties();
        assertThat((String) props.get("sasl.jaas.config")).startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required");
        assertThat(props).doesNotContainKey("ssl.truststore.location");
    }

    @Test
    void saslWithoutCredentialsIsRejectedNamingTheVariables() {
        assertThatThrownBy(() -> connection("SASL_SSL", "PLAIN", "", null, null).clientProperties())
                .hasMessageContaining("KAFKA_SASL_USERNAME").hasMessageContaining("KAFKA_SASL_PASSWORD");
        // an unset variable maps to an empty string, which must fail the same way
        assertThatThrownBy(() -> connection("SASL_PLAINTEXT", "PLAIN", "svc", "", null).clientProperties())
                .hasMessageContaining("KAFKA_SASL_PASSWORD");
    }

    @Test
    void passwordIsNeverPrinted() {
        assertThat(connection("SASL_SSL", "PLAIN", "u", "hunter2", null).toString()).doesNotContain("hunter2");
    }

    private static KafkaConnectionProperties connection(String protocol, String mechanism, String user, String password, String ca) {
        return new KafkaConnectionProperties("k:9092", protocol, mechanism, user, password, ca, null, null, "https", null);
    }
}
