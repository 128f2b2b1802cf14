package io.agentobs.metrics.api;

import java.time.Clock;

import io.agentobs.metrics.MetricsAggregatorProperties;
import io.agentobs.metrics.aggregate.KeyLayout;
import io.agentobs.metrics.redis.RedisConnector;
import io.agentobs.metrics.window.Windows;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The query API's beans: its own Redis connection, the range parser, the queries, the OpenAPI info. */
@Configuration(proxyBeanMethods = false)
public class MetricsApiConfiguration {

    @Bean(destroyMethod = "close")
    public WindowReader windowReader(MetricsAggregatorProperties properties) {
        MetricsAggregatorProperties.Redis redis = properties.redis();
        return new WindowReader(new RedisConnector(RedisConnector.uri(redis.url(), redis.host(), redis.port(),
                redis.password(), redis.database(), redis.timeout()), redis.timeout()), redis.timeout());
    }

    @Bean
    public QueryRanges queryRanges(Windows windows) {
        return new QueryRanges(windows, Clock.systemUTC());
    }

    @Bean
    public MetricsQueries metricsQueries(WindowReader reader, KeyLayout keys) {
        return new MetricsQueries(reader, keys);
    }

    @Bean
    public OpenAPI metricsOpenApi() {
        return new OpenAPI().info(new Info().title("agentobs metrics query API").version("1")
                .description("Windowed metrics of the agentobs topics, read from Redis by metrics-aggregator-service. "
                        + "Errors are RFC 9457 problems (application/problem+json)."));
    }
}
