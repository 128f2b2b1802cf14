package io.agentobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.agentobs.infra.junit.S3Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Bucket, put, get and list through a dedicated S3 API with AWS SDK v2, and an outage. */
class S3ServerIT {

    @RegisterExtension
    static final S3Extension s3 = new S3Extension();

    @Test
    void objectPutIsGotAndListed() {
        try (S3Client client = S3Clients.forServer(s3.server())) {
            client.createBucket(request -> request.bucket("round-trip"));
            client.putObject(request -> request.bucket("round-trip").key("topic=a/dt=2024-01-01/part-0.parquet"),
                    RequestBody.fromString("payload"));

            assertThat(client.getObjectAsBytes(request -> request.bucket("round-trip")
                    .key("topic=a/dt=2024-01-01/part-0.parquet")).asUtf8String()).isEqualTo("payload");
            assertThat(client.listObjectsV2(request -> request.bucket("round-trip").prefix("topic=a/")).contents())
                    .extracting(S3Object::key, S3Object::size)
                    .containsExactly(tuple("topic=a/dt=2024-01-01/part-0.parquet", 7L));
        }
    }

    @Test
    void bucketCreatedThroughTheServerIsListed() {
        s3.createBucket("archive");
        s3.createBucket("archive");

        try (S3Client client = S3Clients.forServer(s3.server())) {
            assertThat(client.listBuckets().buckets()).extracting(Bucket::name).contains("archive");
        }
    }

    @Test
    void serverRestartsOnTheSamePortWithItsObjects() {
        s3.createBucket("outage");
        try (S3Client client = S3Clients.forServer(s3.server())) {
            client.putObject(request -> request.bucket("outage").key("kept"), RequestBody.fromString("kept"));
        }
        int port = s3.endpoint().getPort();

        s3.stop();
        assertThat(Ports.isOpen(port)).isFalse();

        s3.start();
        assertThat(s3.endpoint().getPort()).isEqualTo(port);
        try (S3Client client = S3Clients.forServer(s3.server())) {
            assertThat(client.getObjectAsBytes(request -> request.bucket("outage").key("kept")).asUtf8String())
                    .isEqualTo("kept");
        }
    }
}
