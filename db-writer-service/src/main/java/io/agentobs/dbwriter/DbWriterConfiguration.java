package io.agentobs.dbwriter;

import java.time.Clock;
import java.util.Arrays;

import javax.sql.DataSource;

import io.agentobs.consumer.config.ConsumerProperties;
import io.agentobs.consumer.offsets.KafkaClusterId;
import io.agentobs.dbwriter.metrics.DbWriterMetrics;
import io.agentobs.dbwriter.offsets.PostgresOffsetStore;
import io.agentobs.dbwriter.retention.RetentionJob;
import io.agentobs.dbwriter.retention.RetentionPeriods;
import io.agentobs.dbwriter.table.EventTables;
import io.agentobs.dbwriter.write.PostgresEventWriter;
import io.agentobs.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The writer, its offset store, metrics and the retention job. */
@Configuration(proxyBeanMethods = false)
public class DbWriterConfiguration {

    @Bean
    public DbWriterMetrics dbWriterMetrics(MeterRegistry registry) {
        return new DbWriterMetrics(registry, Arrays.stream(Topic.values()).map(EventTables::tableName).toList());
    }

    @Bean
    public PostgresOffsetStore postgresOffsetStore(DataSource dataSource, ConsumerProperties consumer) {
        return new PostgresOffsetStore(dataSource, consumer.groupId());
    }

    @Bean
    public PostgresEventWriter postgresEventWriter(DataSource dataSource, PostgresOffsetStore offsets,
                                                   KafkaClusterId clusterId, DbWriterMetrics metrics) {
        return new PostgresEventWriter(dataSource, offsets, clusterId, metrics);
    }

    @Bean
    @ConditionalOnProperty(name = "agentobs.db-writer.retention.enabled", matchIfMissing = true)
    public RetentionJob retentionJob(DataSource dataSource, DbWriterProperties properties, DbWriterMetrics metrics) {
        DbWriterProperties.Retention retention = properties.retention();
        return new RetentionJob(dataSource, RetentionPeriods.of(retention.periods()), retention.batchSize(),
                retention.interval(), retention.initialDelay(), metrics, Clock.systemUTC());
    }
}
