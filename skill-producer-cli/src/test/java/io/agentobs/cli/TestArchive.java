package io.agentobs.cli;

import io.agentobs.audit.archive.ArchiveCompression;
import io.agentobs.audit.archive.ArchiveFileInfo;
import io.agentobs.audit.archive.ArchivedHeader;
import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.audit.archive.ParquetArchiveEncoder;
import io.agentobs.audit.archive.PutOutcome;
import io.agentobs.audit.archive.S3Archive;
import io.agentobs.audit.archive.S3Settings;
import io.agentobs.infra.junit.S3Extension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An audit archive in its own bucket of the test S3 server, written as the audit-logger writes it: the archive
 * module's Parquet encoder, its key layout and its create-only put.
 */
public final class TestArchive implements AutoCloseable {

    private final S3Extension s3;
    private final String bucket;
    private final S3Client client;
    private final S3Archive archive;
    private final ParquetArchiveEncoder encoder = new ParquetArchiveEncoder(ArchiveCompression.ZSTD);

    public TestArchive(S3Extension s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
        s3.createBucket(bucket);
        S3Settings settings = new S3Settings(bucket, "", s3.endpoint(), s3.region(), true, s3.accessKey(),
                s3.secretKey(), S3Settings.ConditionalWrites.AUTO);
        this.client = settings.newClient();
        this.archive = new S3Archive(settings.newClient(), settings);
    }

    /** The environment a CLI run needs to read this archive. */
    public Map<String, String> env() {
        return Map.of("S3_BUCKET", bucket, "S3_ENDPOINT", s3.endpoint().toString(), "S3_REGION", s3.region(),
                "S3_PATH_STYLE", "true", "AWS_ACCESS_KEY_ID", s3.accessKey(), "AWS_SECRET_ACCESS_KEY",
                s3.secretKey());
    }

    /**
     * Writes one file covering [start, end) of a partition with these records (offset order, inside the range).
     *
     * @return its key
     */
    public String write(String topic, int partition, long start, long end, List<ArchivedRecord> records)
            throws IOException {
        long min = records.stream().mapToLong(ArchivedRecord::timestampMs).min().orElseThrow();
        long max = records.stream().mapToLong(ArchivedRecord::timestampMs).max().orElseThrow();
        ArchiveFileInfo info = new ArchiveFileInfo(topic, partition, start, end, records.size(), min, max);
        String key = archive.keys().key(topic, partition, start, records.get(0).timestampMs());
        assertThat(archive.putIfAbsent(key, encoder.encode(info, records))).isEqualTo(PutOutcome.CREATED);
        return key;
    }

    public void delete(String key) {
        client.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
    }

    /** A record as the audit-logger archives it; the envelope columns are left empty, replay does not read them. */
    public static ArchivedRecord record(String topic, int partition, long offset, long timestampMs, byte[] key,
            byte[] value, List<ArchivedHeader> headers, String deadLetter) {
        return new ArchivedRecord(topic, partition, offset, timestampMs, "CreateTime", key, value, headers, null, null,
                null, null, null, deadLetter);
    }

    @Override
    public void close() {
        archive.close();
        client.close();
    }
}
