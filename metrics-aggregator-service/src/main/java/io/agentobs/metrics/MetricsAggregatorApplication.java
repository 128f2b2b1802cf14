package io.agentobs.metrics;

import io.agentobs.consumer.AgentobsApplication;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** metrics-aggregator-service: every event of the 8 topics into event-time windows in Redis, exactly once (SPEC §4.2). */
@SpringBootApplication
@EnableConfigurationProperties(MetricsAggregatorProperties.class)
public class MetricsAggregatorApplication {

    public static void main(String[] args) {
        AgentobsApplication.run(MetricsAggregatorApplication.class, args);
    }
}
