package io.agentobs.audit.archive;

import static io.agentobs.audit.archive.Records.TOPIC;
import static io.agentobs.audit.archive.Records.infoOf;
import static io.agentobs.audit.archive.Records.simple;
import static io.agentobs.audit.archive.Records.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.agentobs.infra.junit.S3Extension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ArchiveIT {

    @RegisterExtension
    static final S3Extension s3 = S3Extension.shared();

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final long HOUR_MS = 3_600_000L;
    /** 2025-10-20T10:00:00Z */
    private static final long TEN_O_CLOCK = Instant.parse("2025-10-20T10:00:00Z").toEpochMilli();

    private static String newBucket() {
        String bucket = "archive-it-" + BUCKETS.incrementAndGet();
        s3.createBucket(bucket);
        return bucket;
    }

    private static S3Settings settings(String bucket, S3Settings.ConditionalWrites conditionalWrites) {
        return new S3Settings(bucket, "/audit", s3.endpoint(), s3.region(), true, s3.accessKey(), s3.secretKey(),
                conditionalWrites);
    }

    private static S3Archive archive(String bucket) {
        S3Settings settings = settings(bucket, S3Settings.ConditionalWrites.AUTO);
        return new S3Archive(settings.newClient(), settings);
    }

    @Test
    void embeddedStoreRefusesASecondCreateWithIfNoneMatch() {
        String bucket = newBucket();
        try (S3Client client = settings(bucket, null).newClient()) {
            PutObjectRequest put = PutObjectRequest.builder().bucket(bucket).key("k").ifNoneMatch("*").build();
            client.putObject(put, RequestBody.fromString("first"));

            assertThatThrownBy(() -> client.putObject(put, RequestBody.fromString("second")))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.statusCode()).isEqualTo(412));
            assertThat(client.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key("k").build())
                    .asUtf8String()).isEqualTo("first");
        }
    }

    @ParameterizedTest
    @EnumSource(S3Settings.ConditionalWrites.class)
    void secondWriteOfAKeyNeverReplacesTheFirst(S3Settings.ConditionalWrites mode) throws IOException {
        String bucket = newBucket();
        S3Settings settings = settings(bucket, mode);
        try (S3Archive archive = new S3Archive(settings.newClient(), settings);
                S3Client reader = settings.newClient()) {
            String key = archive.keys().key(TOPIC, 0, 0, TEN_O_CLOCK);

            assertThat(archive.putIfAbsent(key, utf8("first"))).isEqualTo(PutOutcome.CREATED);
            assertThat(archive.putIfAbsent(key, utf8("second"))).isEqualTo(PutOutcome.ALREADY_EXISTS);
            assertThat(archive.putIfAbsent(key, utf8("first"))).isEqualTo(PutOutcome.ALREADY_EXISTS);

            assertThat(reader.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build())
                    .asUtf8String()).isEqualTo("first");
        }
    }

    @Test
    void autoChecksOnceWithItsOwnObjectBesideTheArchive() throws IOException {
        String bucket = newBucket();
        try (S3Archive archive = archive(bucket)) {
            archive.putIfAbsent(archive.keys().key(TOPIC, 0, 0, TEN_O_CLOCK), utf8("a"));
            archive.putIfAbsent(archive.keys().key(TOPIC, 0, 1, TEN_O_CLOCK), utf8("b"));

            assertThat(objectKeys(bucket)).containsExactly(
                    "audit/_agentobs/conditional-write-check",
                    "audit/topic=agent-actions/dt=2025-10-20/hour=10/agent-actions+0+00000000000000000000.parquet",
                    "audit/topic=agent-actions/dt=2025-10-20/hour=10/agent-actions+0+00000000000000000001.parquet");
            // The check object is no archive file: listing the topic never shows it.
            assertThat(archive.list(TOPIC, null, null)).hasSize(2);
        }
    }

    @Test
    void autoOnABucketWhoseCheckObjectExistsStillDecides() throws IOException {
        String bucket = newBucket();
        try (S3Archive first = archive(bucket)) {
            first.putIfAbsent(first.keys().key(TOPIC, 0, 0, TEN_O_CLOCK), utf8("a"));
        }
        try (S3Archive second = archive(bucket)) {
            assertThat(second.putIfAbsent(second.keys().key(TOPIC, 0, 0, TEN_O_CLOCK), utf8("b")))
                    .isEqualTo(PutOutcome.ALREADY_EXISTS);
            assertThat(second.putIfAbsent(second.keys().key(TOPIC, 0, 5, TEN_O_CLOCK), utf8("c")))
                    .isEqualTo(PutOutcome.CREATED);
        }
    }

    @Test
    void autoFallsBackToHeadThenPutOnAStoreThatIgnoresIfNoneMatch() throws IOException {
        String bucket = newBucket();
        List<String> requests = new CopyOnWriteArrayList<>();
        // The embedded store enforces the header; dropping it on the way out makes it a store that ignores it.
        ExecutionInterceptor ignoreIfNoneMatch = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                    ExecutionAttributes attributes) {
                return context.httpRequest().toBuilder().removeHeader("If-None-Match").build();
            }

            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                requests.add(context.httpRequest().method() + " "
                        + URLDecoder.decode(context.httpRequest().encodedPath(), StandardCharsets.UTF_8));
            }
        };
        S3Settings settings = settings(bucket, S3Settings.ConditionalWrites.AUTO);
        try (S3Archive archive = new S3Archive(client(ignoreIfNoneMatch), settings)) {
            String key = archive.keys().key(TOPIC, 0, 0, TEN_O_CLOCK);

            assertThat(archive.putIfAbsent(key, utf8("first"))).isEqualTo(PutOutcome.CREATED);
            assertThat(archive.putIfAbsent(key, utf8("second"))).isEqualTo(PutOutcome.ALREADY_EXISTS);

            String check = "PUT /" + bucket + "/audit/_agentobs/conditional-write-check";
            String file = "/" + bucket + "/" + key;
            assertThat(requests).containsExactly(check, check, "HEAD " + file, "PUT " + file, "HEAD " + file);
        }
        try (S3Client reader = settings.newClient()) {
            assertThat(reader.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket)
                    .key(new ArchiveKeys("audit").key(TOPIC, 0, 0, TEN_O_CLOCK)).build()).asUtf8String())
                    .isEqualTo("first");
        }
    }

    @Test
    void readInfoReadsTheFooterWithOneRangedGet() throws IOException {
        String bucket = newBucket();
        List<ArchivedRecord> records = new ArrayList<>();
        for (long offset = 1000; offset < 6000; offset++) {
            records.add(simple(1, offset, TEN_O_CLOCK + offset));
        }
        ArchiveFileInfo info = infoOf(records, 1000, 6002);
        byte[] bytes = new ParquetArchiveEncoder(ArchiveCompression.UNCOMPRESSED).encode(info, records);
        assertThat(bytes.length).as("larger than the tail read").isGreaterThan(2 * S3RangeInputFile.TAIL_BYTES);
        List<String> ranges = new CopyOnWriteArrayList<>();
        ExecutionInterceptor recordRanges = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof GetObjectRequest get) {
                    ranges.add(String.valueOf(get.range()));
                }
            }
        };
        try (S3Archive archive = new S3Archive(client(recordRanges), settings(bucket, null))) {
            String key = archive.keys().key(TOPIC, 1, 1000, TEN_O_CLOCK + 1000);
            archive.putIfAbsent(key, bytes);
            ArchiveObject object = archive.list(TOPIC, null, null).get(0);
            ranges.clear();

            assertThat(archive.readInfo(object)).contains(info);
            assertThat(ranges).containsExactly(
                    "bytes=" + (bytes.length - S3RangeInputFile.TAIL_BYTES) + "-" + (bytes.length - 1));
        }
    }

    @Test
    void readInfoOfAMissingObjectIsEmpty() throws IOException {
        try (S3Archive archive = archive(newBucket())) {
            String key = archive.keys().key(TOPIC, 0, 0, TEN_O_CLOCK);

            assertThat(archive.readInfo(new ArchiveObject(key, 1234))).isEmpty();
        }
    }

    @Test
    void forEachRecordReadsAllRecordsInOffsetOrder() throws IOException {
        List<ArchivedRecord> records = new ArrayList<>();
        for (long offset = 0; offset < 2000; offset++) {
            records.add(simple(0, offset * 2, TEN_O_CLOCK + offset));
        }
        records.add(new ArchivedRecord(TOPIC, 0, 4000, TEN_O_CLOCK, "CreateTime", null, new byte[] {(byte) 0xFF},
                List.of(new ArchivedHeader("h", null), new ArchivedHeader("h", utf8("x"))),
                null, null, null, null, null, "PARSE: not JSON"));
        byte[] bytes = new ParquetArchiveEncoder(ArchiveCompression.ZSTD).encode(infoOf(records), records);
        try (S3Archive archive = archive(newBucket())) {
            archive.putIfAbsent(archive.keys().key(TOPIC, 0, 0, TEN_O_CLOCK), bytes);
            List<ArchivedRecord> read = new ArrayList<>();

            archive.forEachRecord(archive.list(TOPIC, null, null).get(0), read::add);

            assertThat(read).containsExactlyElementsOf(records);
        }
    }

    @Test
    void listReturnsTheTopicsFilesWhoseHourOverlapsTheRangeWidenedByAnHour() throws IOException {
        String bucket = newBucket();
        S3Settings settings = settings(bucket, null);
        // Page size 2: every listing below spans several pages.
        try (S3Archive archive = new S3Archive(settings.newClient(), settings, 2)) {
            List<String> keys = new ArrayList<>();
            for (int hour = 8; hour <= 13; hour++) {
                for (int partition = 0; partition < 2; partition++) {
                    String key = archive.keys().key(TOPIC, partition, hour * 100L, TEN_O_CLOCK + (hour - 10) * HOUR_MS + 1);
                    archive.putIfAbsent(key, utf8("x"));
                    keys.add(key);
                }
            }
            archive.putIfAbsent(archive.keys().key("agent-actions-v2", 0, 0, TEN_O_CLOCK), utf8("other topic"));
            archive.putIfAbsent(archive.keys().topicPrefix(TOPIC) + "notes.txt", utf8("not an archive file"));
            Instant ten = Instant.ofEpochMilli(TEN_O_CLOCK);

            assertThat(keysOf(archive.list(TOPIC, null, null))).containsExactlyElementsOf(keys);
            // [10:30 - 1h, 12:00): hours 9, 10, 11
            assertThat(keysOf(archive.list(TOPIC, ten.plusSeconds(1800), ten.plusSeconds(7200))))
                    .containsExactlyElementsOf(keys.subList(2, 8));
            // [10:00 - 1h, 12:00:01): hours 9, 10, 11, 12
            assertThat(keysOf(archive.list(TOPIC, ten, ten.plusSeconds(7201))))
                    .containsExactlyElementsOf(keys.subList(2, 10));
            assertThat(keysOf(archive.list(TOPIC, ten.plusSeconds(3 * 3600), null)))
                    .containsExactlyElementsOf(keys.subList(8, 12));
            assertThat(keysOf(archive.list(TOPIC, null, ten))).containsExactlyElementsOf(keys.subList(0, 4));
            assertThat(archive.list(TOPIC, ten.plusSeconds(10 * 3600), null)).isEmpty();
            assertThat(archive.list("task-executions", null, null)).isEmpty();
            assertThat(archive.list(TOPIC, null, null)).extracting(ArchiveObject::size).containsOnly(1L);
        }
    }

    @Test
    void probeSucceedsOnTheBucketAndFailsWithoutIt() {
        try (S3Archive archive = archive(newBucket())) {
            archive.probe();
        }
        S3Settings missing = settings("no-such-bucket", null);
        try (S3Archive archive = new S3Archive(missing.newClient(), missing)) {
            assertThatThrownBy(archive::probe).isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(e.statusCode()).isEqualTo(404));
        }
    }

    @Test
    void probeFailsWithWrongCredentials() {
        S3Settings wrong = new S3Settings(newBucket(), "", s3.endpoint(), s3.region(), true, s3.accessKey(),
                "not-the-secret", null);
        try (S3Archive archive = new S3Archive(wrong.newClient(), wrong)) {
            assertThatThrownBy(archive::probe).isInstanceOf(S3Exception.class);
        }
    }

    private static List<String> keysOf(List<ArchiveObject> objects) {
        return objects.stream().map(ArchiveObject::key).toList();
    }

    private static List<String> objectKeys(String bucket) {
        try (S3Client client = settings(bucket, null).newClient()) {
            return client.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                    .map(object -> object.key())
                    .toList();
        }
    }

    /** A client like {@link S3Settings#newClient()}, with an interceptor. */
    private static S3Client client(ExecutionInterceptor interceptor) {
        return S3Client.builder()
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(interceptor))
                .build();
    }
}
