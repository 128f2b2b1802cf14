package io.agentobs.audit.archive;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Where the archive lives: bucket, key prefix ({@code S3_PREFIX}), and how to reach it — AWS S3 when
 * {@code endpoint} is null, else any S3-compatible store (MinIO, S3Proxy...), usually with {@code pathStyle}.
 * Static credentials when both keys are given (not blank), else the SDK's default provider chain (environment,
 * profile, container or instance role).
 */
public record S3Settings(String bucket, String prefix, URI endpoint, String region,
        boolean pathStyle, String accessKey, String secretKey,
        ConditionalWrites conditionalWrites) {

    /** How {@link S3Archive#putIfAbsent} keeps from replacing an object; see there. */
    public enum ConditionalWrites { AUTO, ON, OFF }

    /** S3-compatible stores ignore the region, but request signing needs one. */
    private static final String DEFAULT_COMPATIBLE_REGION = "us-east-1";

    public S3Settings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("S3 bucket must be set");
        }
        prefix = prefix == null ? "" : prefix;
        conditionalWrites = conditionalWrites == null ? ConditionalWrites.AUTO : conditionalWrites;
    }

    /** A synchronous client on the Apache HTTP client; the caller closes it (or the {@link S3Archive} holding it). */
    public S3Client newClient() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .forcePathStyle(pathStyle)
                .credentialsProvider(credentials());
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region));
        } else if (endpoint != null) {
            builder.region(Region.of(DEFAULT_COMPATIBLE_REGION));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint)
                    // Since SDK 2.30 every upload carries a CRC32 trailer in aws-chunked encoding by default, which
                    // several S3-compatible stores reject; S3Archive sends Content-MD5 instead, which all accept
                    // and which object-lock buckets require.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        if (present(accessKey) && present(secretKey)) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "S3Settings[bucket=" + bucket + ", prefix=" + prefix + ", endpoint=" + endpoint + ", region=" + region
                + ", pathStyle=" + pathStyle + ", accessKey=" + accessKey
                + ", secretKey=" + (secretKey == null ? "null" : "****") + ", conditionalWrites=" + conditionalWrites
                + "]";
    }
}
