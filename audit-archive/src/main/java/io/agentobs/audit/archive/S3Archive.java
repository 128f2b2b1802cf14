package io.agentobs.audit.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The archive in an S3 bucket: create-only writes, listing by topic and time, footer reads by ranged GET and record
 * reads. S3 errors propagate as the SDK's exceptions ({@code S3Exception}, {@code SdkClientException}); the only ones
 * turned into results are "already exists" on a write and "no such key" in {@link #readInfo}.
 *
 * <p>{@link #putIfAbsent} never replaces an object. With {@link S3Settings.ConditionalWrites#ON} it sends
 * {@code If-None-Match: *}, which the store enforces atomically. With {@code OFF} it looks first (HEAD) and then
 * writes, so two writers of the same key at the same moment may both write; archive keys and contents are
 * deterministic, so the second write stores the same bytes. {@code AUTO} tries the header once on
 * {@code <prefix>_agentobs/conditional-write-check} and then behaves as ON or OFF.
 *
 * <p>Thread-safe, as the {@link S3Client} it holds.
 */
public final class S3Archive implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3Archive.class);

    static final String CONDITIONAL_WRITE_CHECK = "_agentobs/conditional-write-check";
    /** ListObjectsV2's maximum (and default) page. */
    static final int DEFAULT_LIST_PAGE_SIZE = 1000;
    private static final String PARQUET_CONTENT_TYPE = "application/vnd.apache.parquet";
    private static final Duration HOUR = Duration.ofHours(1);

    private final S3Client client;
    private final S3Settings settings;
    private final ArchiveKeys keys;
    private final int listPageSize;
    /** Whether the store enforces If-None-Match; decided once under AUTO. */
    private volatile Boolean conditionalWrites;

    public S3Archive(S3Client client, S3Settings settings) {
        this(client, settings, DEFAULT_LIST_PAGE_SIZE);
    }

    /** With a smaller listing page, so that tests reach pagination with few objects. */
    S3Archive(S3Client client, S3Settings settings, int listPageSize) {
        this.client = client;
        this.settings = settings;
        this.keys = new ArchiveKeys(settings.prefix());
        this.listPageSize = listPageSize;
        this.conditionalWrites = switch (settings.conditionalWrites()) {
            case ON -> Boolean.TRUE;
            case OFF -> Boolean.FALSE;
            case AUTO -> null;
        };
    }

    public ArchiveKeys keys() {
        return keys;
    }

    public String bucket() {
        return settings.bucket();
    }

    /** Create-only write: never replaces an existing object. */
    public PutOutcome putIfAbsent(String key, byte[] bytes) throws IOException {
        if (useConditionalWrites()) {
            return putConditionally(key, bytes, PARQUET_CONTENT_TYPE);
        }
        if (exists(key)) {
            return PutOutcome.ALREADY_EXISTS;
        }
        client.putObject(put(key, bytes, PARQUET_CONTENT_TYPE).build(), RequestBody.fromBytes(bytes));
        return PutOutcome.CREATED;
    }

    /** The footer info of an archive object, read with ranged GETs; empty when the object does not exist. */
    public Optional<ArchiveFileInfo> readInfo(ArchiveObject object) throws IOException {
        try {
            return Optional.of(ParquetArchiveReader.readInfo(
                    new S3RangeInputFile(client, bucket(), object.key(), object.size())));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The objects of {@code topic} whose hour overlaps [{@code from} - 1h, {@code to}), in key order (= hour order);
     * a null bound is open. The hour before {@code from} is included since a file is keyed by its first record's
     * hour and may hold later records.
     */
    public List<ArchiveObject> list(String topic, Instant fromInclusive, Instant toExclusive) {
        String topicPrefix = keys.topicPrefix(topic);
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
                .bucket(bucket())
                .prefix(topicPrefix)
                .maxKeys(listPageSize);
        if (fromInclusive != null) {
            // Every key of that hour sorts after its hour prefix, every key of an earlier hour before it.
            request.startAfter(keys.hourPrefix(topic, fromInclusive.minus(HOUR)));
        }
        String stopAt = toExclusive == null ? null : keys.hourPrefix(topic, firstHourNotBefore(toExclusive));
        List<ArchiveObject> objects = new ArrayList<>();
        String continuation = null;
        do {
            ListObjectsV2Response page = client.listObjectsV2(request.continuationToken(continuation).build());
            for (S3Object object : page.contents()) {
                if (stopAt != null && object.key().compareTo(stopAt) >= 0) {
                    return objects;
                }
                if (keys.parse(object.key()).filter(parsed -> parsed.topic().equals(topic)).isPresent()) {
                    objects.add(new ArchiveObject(object.key(), object.size()));
                }
            }
            continuation = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (continuation != null);
        return objects;
    }

    /**
     * Hands every record of the object to {@code action}, in offset order. The object is downloaded whole into
     * memory first: archive files are a few MB, and one GET is cheaper and simpler than ranged reads per column chunk.
     */
    public void forEachRecord(ArchiveObject object, Consumer<ArchivedRecord> action) throws IOException {
        byte[] bytes = client.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket()).key(object.key()).build())
                .asByteArrayUnsafe();
        ParquetArchiveReader.forEach(ParquetArchiveReader.inMemory(bytes), action);
    }

    /** HeadBucket: throws when the store is unreachable, the bucket is missing or access is denied. */
    public void probe() {
        client.headBucket(HeadBucketRequest.builder().bucket(bucket()).build());
    }

    /** Closes the client. */
    @Override
    public void close() {
        client.close();
    }

    /** The start of the first hour whose keys all lie at or after {@code toExclusive}. */
    private static Instant firstHourNotBefore(Instant toExclusive) {
        Instant hour = toExclusive.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(toExclusive) ? hour : hour.plus(HOUR);
    }

    private boolean useConditionalWrites() {
        Boolean decided = conditionalWrites;
        return decided != null ? decided : decideConditionalWrites();
    }

    private synchronized boolean decideConditionalWrites() {
        if (conditionalWrites == null) {
            conditionalWrites = storeEnforcesIfNoneMatch();
        }
        return conditionalWrites;
    }

    /** Writes the check object with If-None-Match twice: only a store that enforces the header refuses one. */
    private boolean storeEnforcesIfNoneMatch() {
        String key = keys.prefix() + CONDITIONAL_WRITE_CHECK;
        byte[] content = "agentobs: checks whether this store enforces If-None-Match\n"
                .getBytes(StandardCharsets.UTF_8);
        try {
            for (int attempt = 1; attempt <= 2; attempt++) {
                if (putConditionally(key, content, "text/plain") == PutOutcome.ALREADY_EXISTS) {
                    LOG.info("S3 bucket {} enforces If-None-Match: archive objects are created with conditional"
                            + " writes", bucket());
                    return true;
                }
            }
            LOG.info("S3 bucket {} ignores If-None-Match (it replaced {}): archive objects are written after a HEAD"
                    + " check", bucket(), key);
            return false;
        } catch (S3Exception e) {
            if (!refusesHeader(e)) {
                throw e;
            }
            LOG.info("S3 bucket {} does not support If-None-Match (HTTP {} {}): archive objects are written after a"
                    + " HEAD check", bucket(), e.statusCode(), errorCode(e));
            return false;
        }
    }

    private PutOutcome putConditionally(String key, byte[] bytes, String contentType) {
        try {
            client.putObject(put(key, bytes, contentType).ifNoneMatch("*").build(), RequestBody.fromBytes(bytes));
            return PutOutcome.CREATED;
        } catch (S3Exception e) {
            if (alreadyExists(e)) {
                return PutOutcome.ALREADY_EXISTS;
            }
            throw e;
        }
    }

    private boolean exists(String key) {
        try {
            client.headObject(HeadObjectRequest.builder().bucket(bucket()).key(key).build());
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private PutObjectRequest.Builder put(String key, byte[] bytes, String contentType) {
        return PutObjectRequest.builder()
                .bucket(bucket())
                .key(key)
                .contentType(contentType)
                .contentLength((long) bytes.length)
                .contentMD5(md5(bytes));
    }

    /** 412: the key exists; 409 ConditionalRequestConflict: another conditional write of it is in progress. */
    private static boolean alreadyExists(S3Exception e) {
        return e.statusCode() == 412
                || (e.statusCode() == 409 && "ConditionalRequestConflict".equals(errorCode(e)));
    }

    /** A store that does not implement If-None-Match on PUT either says so (501) or rejects the header (400). */
    private static boolean refusesHeader(S3Exception e) {
        return e.statusCode() == 501 || e.statusCode() == 400 || "NotImplemented".equals(errorCode(e));
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides MD5", e);
        }
    }
}
