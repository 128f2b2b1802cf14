package io.agentobs.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.S3Client;

class S3SettingsTest {

    @Test
    void prefixAndConditionalWritesHaveDefaults() {
        S3Settings settings = new S3Settings("b", null, null, "eu-west-1", false, null, null, null);

        assertThat(settings.prefix()).isEmpty();
        assertThat(settings.conditionalWrites()).isEqualTo(S3Settings.ConditionalWrites.AUTO);
    }

    @Test
    void bucketIsRequired() {
        assertThatThrownBy(() -> new S3Settings(" ", "", null, "eu-west-1", false, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bucket");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        S3Settings settings = new S3Settings("b", "p", URI.create("http://localhost:9000"), null, true,
                "agentobs", "very-secret", S3Settings.ConditionalWrites.OFF);

        assertThat(settings.toString()).contains("agentobs").doesNotContain("very-secret");
    }

    @Test
    void clientForACompatibleStoreNeedsNoRegion() {
        S3Settings settings = new S3Settings("b", "p", URI.create("http://localhost:9000"), null, true,
                "agentobs", "secret", null);

        try (S3Client client = settings.newClient()) {
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
            assertThat(client.serviceClientConfiguration().endpointOverride()).contains(
                    URI.create("http://localhost:9000"));
        }
    }
}
