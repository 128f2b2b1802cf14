package io.agentobs.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts metrics-aggregator-service in-process (or gives a process its environment), configured by the seeds' names. */
final class MetricsServices {

    private MetricsServices() {
    }

    /** The seed variables for Kafka and Redis, small batches and fast retries; upper-case keys work as environment. */
    static Map<String, String> settings(String bootstrap, String redisHost, int redisPort, int redisDb, String group) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("KAFKA_BROKERS", bootstrap);
        settings.put("KAFKA_GROUP_ID", group);
        settings.put("REDIS_HOST", redisHost);
        settings.put("REDIS_PORT", Integer.toString(redisPort));
        settings.put("REDIS_DB", Integer.toString(redisDb));
        settings.put("REDIS_TIMEOUT", "2s");
        settings.put("BATCH_SIZE", "200");
        settings.put("BATCH_TIMEOUT_MS", "200");
        return settings;
    }

    /** Starts the service in this JVM with the settings as command-line arguments, on a free HTTP port. */
    static ConfigurableApplicationContext start(Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        args.add("--server.port=0");
        args.add("--agentobs.consumer.retry.initial-interval=200ms");
        args.add("--agentobs.consumer.retry.max-interval=2s");
        args.add("--agentobs.consumer.health-check-interval=500ms");
        args.add("--logging.level.kafka=WARN");
        args.add("--logging.level.state.change.logger=WARN");
        return new SpringApplicationBuilder(MetricsAggregatorApplication.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext service) {
        return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }
}
