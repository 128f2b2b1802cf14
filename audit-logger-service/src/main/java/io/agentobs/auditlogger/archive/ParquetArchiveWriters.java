package io.agentobs.auditlogger.archive;

import io.agentobs.audit.archive.ParquetArchiveEncoder;
import io.agentobs.audit.archive.S3Archive;
import io.agentobs.auditlogger.AuditLoggerProperties;
import io.agentobs.auditlogger.metrics.AuditMetrics;
import io.agentobs.consumer.config.ConsumerProperties;
import io.agentobs.consumer.health.SinkHealth;
import io.agentobs.consumer.retry.InfiniteRetryErrorHandler;

/** Builds a {@link ParquetArchiveWriter} with its upload lanes from the service's settings. */
public final class ParquetArchiveWriters {

    private ParquetArchiveWriters() {
    }

    /** The writer; uploads are retried with the same backoff as failed batches ({@code agentobs.consumer.retry}). */
    public static ParquetArchiveWriter create(S3Archive archive, ParquetArchiveEncoder encoder,
                                              AuditLoggerProperties properties, ConsumerProperties.RetryProperties retry,
                                              SinkHealth sinkHealth, AuditMetrics metrics) {
        ArchiveUploader uploader = new ArchiveUploader(properties.uploadThreads(),
                new ArchiveObjectWriter(archive, encoder, metrics), InfiniteRetryErrorHandler.backOff(retry), sinkHealth);
        AuditLoggerProperties.Files files = properties.files();
        RollPolicy policy = new RollPolicy(files.maxRecords(), files.maxSize().toBytes(), files.idleFlush(),
                files.maxOpenTime());
        ParquetArchiveWriter.Limits limits = new ParquetArchiveWriter.Limits(properties.maxBufferedSize().toBytes(),
                properties.backpressureTimeout(), properties.revokeTimeout(), properties.flushCheckInterval());
        return new ParquetArchiveWriter(archive, uploader, policy, limits, metrics, System::nanoTime);
    }
}
