package io.agentobs.infra;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** AWS SDK v2 clients configured for an {@link S3Server}, the way services will configure theirs. */
final class S3Clients {

    private S3Clients() {
    }

    static S3Client forServer(S3Server server) {
        return create(server.endpoint(), server.region(), server.accessKey(), server.secretKey());
    }

    static S3Client forEndpoint(URI endpoint, S3Options options) {
        return create(endpoint, options.region(), options.accessKey(), options.secretKey());
    }

    private static S3Client create(URI endpoint, String region, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }
}
