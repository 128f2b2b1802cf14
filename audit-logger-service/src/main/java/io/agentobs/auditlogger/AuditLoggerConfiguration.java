package io.agentobs.auditlogger;

import java.util.Arrays;
import java.util.Locale;

import io.agentobs.audit.archive.ArchiveCompression;
import io.agentobs.audit.archive.ParquetArchiveEncoder;
import io.agentobs.audit.archive.S3Archive;
import io.agentobs.audit.archive.S3Settings;
import io.agentobs.auditlogger.archive.ParquetArchiveWriter;
import io.agentobs.auditlogger.archive.ParquetArchiveWriters;
import io.agentobs.auditlogger.metrics.AuditMetrics;
import io.agentobs.consumer.config.ConsumerProperties;
import io.agentobs.consumer.health.SinkHealth;
import io.agentobs.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The S3 archive, the Parquet writer that feeds it, and the audit metrics. */
@Configuration(proxyBeanMethods = false)
public class AuditLoggerConfiguration {

    @Bean
    public AuditMetrics auditMetrics(MeterRegistry registry) {
        return new AuditMetrics(registry, Arrays.stream(Topic.values()).map(Topic::topicName).toList());
    }

    @Bean(destroyMethod = "close")
    public S3Archive s3Archive(AuditLoggerProperties properties) {
        S3Settings settings = settings(properties.s3());
        return new S3Archive(settings.newClient(), settings);
    }

    @Bean(destroyMethod = "close")
    public ParquetArchiveWriter parquetArchiveWriter(S3Archive archive, AuditLoggerProperties properties,
                                                     ConsumerProperties consumer, SinkHealth sinkHealth,
                                                     AuditMetrics metrics) {
        ParquetArchiveEncoder encoder = new ParquetArchiveEncoder(compression(properties.compression()));
        return ParquetArchiveWriters.create(archive, encoder, properties, consumer.retry(), sinkHealth, metrics);
    }

    static S3Settings settings(AuditLoggerProperties.S3 s3) {
        boolean noEndpoint = s3.endpoint() == null || s3.endpoint().toString().isBlank();
        return new S3Settings(s3.bucket(), s3.prefix(), noEndpoint ? null : s3.endpoint(), s3.region(), s3.pathStyle(),
                blankToNull(s3.accessKey()), blankToNull(s3.secretKey()),
                S3Settings.ConditionalWrites.valueOf(s3.conditionalWrites().toUpperCase(Locale.ROOT)));
    }

    static ArchiveCompression compression(String name) {
        return "parquet".equalsIgnoreCase(name) ? ArchiveCompression.ZSTD : ArchiveCompression.parse(name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
