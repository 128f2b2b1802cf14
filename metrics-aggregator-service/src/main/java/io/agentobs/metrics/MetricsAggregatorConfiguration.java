package io.agentobs.metrics;

import java.time.Clock;
import java.util.Arrays;

import io.agentobs.consumer.config.ConsumerProperties;
import io.agentobs.consumer.offsets.KafkaClusterId;
import io.agentobs.events.Topic;
import io.agentobs.metrics.aggregate.BatchAggregator;
import io.agentobs.metrics.aggregate.KeyLayout;
import io.agentobs.metrics.monitoring.AggregatorMetrics;
import io.agentobs.metrics.monitoring.LateEventLog;
import io.agentobs.metrics.redis.ApplyBatchScript;
import io.agentobs.metrics.redis.PartitionPositions;
import io.agentobs.metrics.redis.RedisConnector;
import io.agentobs.metrics.redis.RedisOffsets;
import io.agentobs.metrics.redis.RedisWindowStore;
import io.agentobs.metrics.window.Windows;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Redis connection, the windows, the aggregator, the Lua script, the offset store and the sink. */
@Configuration(proxyBeanMethods = false)
public class MetricsAggregatorConfiguration {

    @Bean(destroyMethod = "close")
    public RedisConnector redisConnector(MetricsAggregatorProperties properties) {
        MetricsAggregatorProperties.Redis redis = properties.redis();
        return new RedisConnector(RedisConnector.uri(redis.url(), redis.host(), redis.port(), redis.password(),
                redis.database(), redis.timeout()), redis.timeout());
    }

    @Bean
    public Windows windows(MetricsAggregatorProperties properties) {
        MetricsAggregatorProperties.Ttl ttl = properties.ttl();
        return Windows.of(properties.windowSize(), ttl.base(), ttl.oneMinute(), ttl.fiveMinutes(), ttl.oneHour(),
                properties.grace());
    }

    @Bean
    public KeyLayout keyLayout(MetricsAggregatorProperties properties) {
        return new KeyLayout(properties.keyPrefix());
    }

    @Bean
    public PartitionPositions partitionPositions() {
        return new PartitionPositions();
    }

    @Bean
    public AggregatorMetrics aggregatorMetrics(MeterRegistry registry) {
        return new AggregatorMetrics(registry, Arrays.stream(Topic.values()).map(Topic::topicName).toList());
    }

    @Bean
    public RedisOffsets redisOffsets(RedisConnector redis, KeyLayout keys, ConsumerProperties consumer,
                                     PartitionPositions positions) {
        return new RedisOffsets(redis, keys, consumer.groupId(), positions);
    }

    @Bean
    public RedisWindowStore redisWindowStore(RedisConnector redis, Windows windows, KeyLayout keys,
                                             ConsumerProperties consumer, PartitionPositions positions,
                                             KafkaClusterId clusterId, AggregatorMetrics metrics,
                                             MetricsAggregatorProperties properties) {
        ApplyBatchScript script = new ApplyBatchScript(keys, consumer.groupId(), keys.windowPrefix(windows.fiveMinutes()),
                windows.fiveMinutes().ttl().toSeconds());
        return new RedisWindowStore(redis, script, new BatchAggregator(windows, keys), positions, clusterId, metrics,
                new LateEventLog(properties.lateLogInterval(), Clock.systemUTC(), keys.late()));
    }
}
