package io.agentobs.cli.archive;

import io.agentobs.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveLocationTest {

    @Test
    void environmentAloneGivesTheAuditLoggersSettingsWithDefaults() throws UsageException {
        ArchiveLocation location = ArchiveLocation.resolve(Map.of("S3_BUCKET", "audit"), null, null, null, null);

        assertThat(location.bucket()).isEqualTo("audit");
        assertThat(location.prefix()).isEmpty();
        assertThat(location.endpoint()).isNull();
        assertThat(location.region()).isEqualTo("us-east-1");
        assertThat(location.pathStyle()).isFalse();
        assertThat(location.accessKey()).isNull();
        assertThat(location.secretKey()).isNull();
        assertThat(location.describe()).isEqualTo("s3://audit/");
    }

    @Test
    void optionsOverrideTheEnvironment() throws UsageException {
        Map<String, String> env = Map.of("S3_BUCKET", "audit", "S3_PREFIX", "prod/", "S3_ENDPOINT",
                "https://s3.example.com", "S3_REGION", "eu-west-1", "S3_PATH_STYLE", "false");

        ArchiveLocation location = ArchiveLocation.resolve(env, "audit-copy", "staging/", "http://127.0.0.1:9000",
                true);

        assertThat(location.bucket()).isEqualTo("audit-copy");
        assertThat(location.prefix()).isEqualTo("staging/");
        assertThat(location.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(location.region()).isEqualTo("eu-west-1");
        assertThat(location.pathStyle()).isTrue();
        assertThat(location.describe()).isEqualTo("s3://audit-copy/staging/ at http://127.0.0.1:9000");
    }

    @Test
    void pathStyleComesFromTheEnvironmentUnlessTheOptionSaysOtherwise() throws UsageException {
        Map<String, String> env = Map.of("S3_BUCKET", "audit", "S3_PATH_STYLE", "true");

        assertThat(ArchiveLocation.resolve(env, null, null, null, null).pathStyle()).isTrue();
        assertThat(ArchiveLocation.resolve(env, null, null, null, false).pathStyle()).isFalse();
    }

    @Test
    void bothAccessKeysAreUsedAsStaticCredentials() throws UsageException {
        ArchiveLocation location = ArchiveLocation.resolve(Map.of("S3_BUCKET", "audit", "AWS_ACCESS_KEY_ID", "id",
                "AWS_SECRET_ACCESS_KEY", "secret"), null, null, null, null);

        assertThat(location.accessKey()).isEqualTo("id");
        assertThat(location.secretKey()).isEqualTo("secret");
        assertThat(location.toString()).contains("id").doesNotContain("secret");
    }

    @Test
    void aSessionTokenOrAHalfGivenKeyLeavesCredentialsToTheDefaultChain() throws UsageException {
        ArchiveLocation withToken = ArchiveLocation.resolve(Map.of("S3_BUCKET", "audit", "AWS_ACCESS_KEY_ID", "id",
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"), null, null, null, null);
        ArchiveLocation halfGiven = ArchiveLocation.resolve(Map.of("S3_BUCKET", "audit", "AWS_ACCESS_KEY_ID", "id"),
                null, null, null, null);

        assertThat(withToken.accessKey()).isNull();
        assertThat(withToken.secretKey()).isNull();
        assertThat(halfGiven.accessKey()).isNull();
    }

    @Test
    void missingBucketIsAUsageErrorNamingBothWaysToSetIt() {
        assertThatThrownBy(() -> ArchiveLocation.resolve(Map.of("S3_BUCKET", " "), null, null, null, null))
                .isInstanceOf(UsageException.class).hasMessageContaining("S3_BUCKET").hasMessageContaining("--bucket");
    }

    @Test
    void malformedEndpointOrPathStyleNamesWhereItCameFrom() {
        assertThatThrownBy(() -> ArchiveLocation.resolve(Map.of("S3_BUCKET", "audit", "S3_ENDPOINT", "localhost:9000"),
                null, null, null, null)).isInstanceOf(UsageException.class).hasMessageContaining("S3_ENDPOINT");
        assertThatThrownBy(() -> ArchiveLocation.resolve(Map.of("S3_BUCKET", "audit"), null, null, "ftp://host/",
                null)).isInstanceOf(UsageException.class).hasMessageContaining("--endpoint");
        assertThatThrownBy(() -> ArchiveLocation.resolve(Map.of("S3_BUCKET", "audit", "S3_PATH_STYLE", "maybe"),
                null, null, null, null)).isInstanceOf(UsageException.class).hasMessageContaining("S3_PATH_STYLE");
    }
}
