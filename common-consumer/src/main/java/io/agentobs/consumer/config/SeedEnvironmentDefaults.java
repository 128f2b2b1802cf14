package io.agentobs.consumer.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.agentobs.events.Topic;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lowest-precedence defaults shared by every service: the seeds' environment variables mapped onto
 * {@code agentobs.*}, actuator exposure, health groups and graceful shutdown.
 *
 * <p>A service's own {@code application.yml}, a {@code --config} file, environment variables and command-line
 * arguments all take precedence over these.
 */
public class SeedEnvironmentDefaults implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source this adds, last in the environment. */
    public static final String SOURCE_NAME = "agentobsSeedDefaults";

    private static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_HEADROOM = Duration.ofSeconds(15);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults(environment)));
    }

    static Map<String, Object> defaults(ConfigurableEnvironment environment) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("agentobs.kafka.brokers", "${KAFKA_BROKERS:${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}}");
        d.put("agentobs.kafka.security-protocol", "${KAFKA_SECURITY_PROTOCOL:PLAINTEXT}");
        d.put("agentobs.kafka.sasl-mechanism", "${KAFKA_SASL_MECHANISM:PLAIN}");
        d.put("agentobs.kafka.sasl-username", "${KAFKA_SASL_USERNAME:}");
        d.put("agentobs.kafka.sasl-password", "${KAFKA_SASL_PASSWORD:}");
        d.put("agentobs.kafka.ssl-ca-location", "${KAFKA_SSL_CA_LOCATION:}");

        d.put("agentobs.consumer.group-id", "${KAFKA_GROUP_ID:${CONSUMER_GROUP_ID:${KAFKA_CONSUMER_GROUP:}}}");
        d.put("agentobs.consumer.topics", "${KAFKA_TOPICS:" + allCatalogTopics() + "}");
        d.put("agentobs.consumer.batch-size", "${BATCH_SIZE:${KAFKA_MAX_POLL_RECORDS:100}}");
        d.put("agentobs.consumer.batch-timeout", "${BATCH_TIMEOUT_MS:${MAX_LATENCY_MS:500}}ms");
        d.put("agentobs.consumer.auto-offset-reset", "${KAFKA_AUTO_OFFSET_RESET:earliest}");
        d.put("agentobs.consumer.session-timeout", "${KAFKA_SESSION_TIMEOUT_MS:30000}ms");

        d.put("server.port", "${HEALTH_CHECK_PORT:8080}");
        d.put("server.shutdown", "graceful");
        d.put("spring.lifecycle.timeout-per-shutdown-phase", shutdownPhaseTimeout(environment).toMillis() + "ms");
        d.put("logging.level.root", "${LOG_LEVEL:INFO}");
        d.put("logging.level.org.apache.kafka", "WARN");
        String logFormat = environment.getProperty("LOG_FORMAT");
        if (logFormat != null && !logFormat.isBlank()) {
            d.put("logging.structured.format.console", "json".equalsIgnoreCase(logFormat) ? "ecs" : logFormat);
        }

        d.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.endpoint.health.show-details", "always");
        d.put("management.endpoint.health.group.liveness.include", "livenessState,listeners");
        d.put("management.endpoint.health.group.liveness.show-details", "always");
        d.put("management.endpoint.health.group.readiness.include", "readinessState,kafka,sink");
        d.put("management.endpoint.health.group.readiness.show-details", "always");
        d.put("management.info.env.enabled", "true");
        return d;
    }

    /**
     * Spring's per-phase shutdown limit, derived from {@code agentobs.consumer.shutdown-timeout} with room for the
     * commit and close after the in-flight batch, so the consumer's own deadline is the one that counts.
     */
    private static Duration shutdownPhaseTimeout(ConfigurableEnvironment environment) {
        Duration batchDeadline = Binder.get(environment).bind("agentobs.consumer.shutdown-timeout", Duration.class)
                .orElse(DEFAULT_SHUTDOWN_TIMEOUT);
        return batchDeadline.plus(SHUTDOWN_HEADROOM);
    }

    private static String allCatalogTopics() {
        return Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.joining(","));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
