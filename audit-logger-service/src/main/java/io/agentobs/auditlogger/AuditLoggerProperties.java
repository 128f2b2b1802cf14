package io.agentobs.auditlogger;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The audit logger's own settings ({@code agentobs.audit.*}), mapped from {@code S3_*} and {@code AUDIT_*}
 * environment variables in {@code application.yml}; the consumer's are in {@code agentobs.consumer.*}.
 *
 * @param s3 where the archive is stored
 * @param compression Parquet codec: {@code zstd} (default), {@code snappy}, {@code gzip} or {@code none};
 *                    {@code parquet} (seed 001's value) means the default
 * @param files when an open file is closed and uploaded
 * @param maxBufferedSize memory for records not yet in S3 (open files and uploads in flight) across all partitions;
 *                        above it the largest open files are uploaded early, and reading waits for uploads
 * @param uploadThreads threads that encode and upload closed files (one partition's files always in order)
 * @param flushCheckInterval how often idle partitions are looked at while no records arrive
 * @param revokeTimeout longest a partition hand-over (rebalance, shutdown) waits for its open file to be uploaded
 * @param backpressureTimeout longest a batch waits for memory before it is retried with backoff
 */
@Validated
@ConfigurationProperties("agentobs.audit")
public record AuditLoggerProperties(
        @Valid @NotNull @DefaultValue S3 s3,
        @DefaultValue("zstd") @NotNull
        @Pattern(regexp = "(?i)zstd|snappy|gzip|none|uncompressed|parquet",
                message = "must be one of zstd, snappy, gzip, none") String compression,
        @Valid @NotNull @DefaultValue Files files,
        @DefaultValue("128MB") @NotNull DataSize maxBufferedSize,
        @DefaultValue("2") @Min(1) @Max(32) int uploadThreads,
        @DefaultValue("500ms") @NotNull Duration flushCheckInterval,
        @DefaultValue("20s") @NotNull Duration revokeTimeout,
        @DefaultValue("30s") @NotNull Duration backpressureTimeout) {

    /**
     * The bucket and how to reach it. Credentials come from the standard AWS chain (environment
     * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profile, web identity, instance role) unless both keys
     * are set here.
     *
     * @param bucket the archive's bucket ({@code S3_BUCKET}), required
     * @param prefix key prefix ({@code S3_PREFIX}, e.g. {@code events/})
     * @param endpoint endpoint override for S3-compatible stores (MinIO, Ceph…); empty for AWS
     * @param region the bucket's region
     * @param pathStyle path-style requests ({@code http://host/bucket/key}), needed by most S3-compatible stores
     * @param conditionalWrites create-only writes with {@code If-None-Match: *}: {@code auto} tests the store once,
     *                          {@code on} always, {@code off} checks with a HEAD before each write instead
     * @param accessKey static access key (optional)
     * @param secretKey static secret key (optional)
     */
    public record S3(
            @NotBlank(message = "must be set (S3_BUCKET)") String bucket,
            @DefaultValue("") String prefix,
            URI endpoint,
            @DefaultValue("us-east-1") @NotBlank String region,
            @DefaultValue("false") boolean pathStyle,
            @DefaultValue("auto") @NotNull
            @Pattern(regexp = "(?i)auto|on|off", message = "must be auto, on or off") String conditionalWrites,
            String accessKey,
            String secretKey) {
    }

    /**
     * When a partition's open file is closed: whichever comes first. Count, size and the record-time hour make
     * file boundaries a function of the records alone; idle and age bound how long records wait for S3.
     *
     * @param maxRecords records per file
     * @param maxSize bytes of records (keys, values, headers) per file, before compression
     * @param idleFlush the partition received nothing for this long
     * @param maxOpenTime the file has been open this long
     */
    public record Files(
            @DefaultValue("200000") @Min(1) @Max(10_000_000) int maxRecords,
            @DefaultValue("64MB") @NotNull DataSize maxSize,
            @DefaultValue("30s") @NotNull Duration idleFlush,
            @DefaultValue("10m") @NotNull Duration maxOpenTime) {
    }
}
