package io.agentobs.auditlogger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.infra.junit.S3Extension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts audit-logger-service in-process against given servers, configured through its environment variables. */
final class AuditServices {

    static final String BUCKET = "agentobs-audit";

    /** Environment variables of {@link #environment} that name a property rather than a placeholder. */
    private static final Map<String, String> PROPERTY_NAMES = Map.of(
            "AGENTOBS_AUDIT_FLUSH_CHECK_INTERVAL", "agentobs.audit.flush-check-interval",
            "AGENTOBS_CONSUMER_RETRY_INITIAL_INTERVAL", "agentobs.consumer.retry.initial-interval",
            "AGENTOBS_CONSUMER_RETRY_MAX_INTERVAL", "agentobs.consumer.retry.max-interval",
            "AGENTOBS_CONSUMER_HEALTH_CHECK_INTERVAL", "agentobs.consumer.health-check-interval",
            "LOGGING_LEVEL_ORG_APACHE_KAFKA", "logging.level.org.apache.kafka");

    private AuditServices() {
    }

    /** Environment of a test service: Kafka, the S3 server, small files and fast retries and health checks. */
    static Map<String, String> environment(String bootstrap, S3Extension s3, String group, String topics) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BROKERS", bootstrap);
        env.put("KAFKA_GROUP_ID", group);
        env.put("KAFKA_TOPICS", topics);
        env.put("BATCH_TIMEOUT_MS", "200");
        env.put("S3_BUCKET", BUCKET);
        env.put("S3_PREFIX", "events/");
        env.put("S3_ENDPOINT", s3.endpoint().toString());
        env.put("S3_REGION", s3.region());
        env.put("S3_PATH_STYLE", "true");
        env.put("AWS_ACCESS_KEY_ID", s3.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", s3.secretKey());
        env.put("AUDIT_FILE_MAX_RECORDS", "150");
        env.put("AUDIT_IDLE_FLUSH", "1s");
        env.put("AGENTOBS_AUDIT_FLUSH_CHECK_INTERVAL", "500ms");
        env.put("AGENTOBS_CONSUMER_RETRY_INITIAL_INTERVAL", "200ms");
        env.put("AGENTOBS_CONSUMER_RETRY_MAX_INTERVAL", "2s");
        env.put("AGENTOBS_CONSUMER_HEALTH_CHECK_INTERVAL", "500ms");
        env.put("LOGGING_LEVEL_ORG_APACHE_KAFKA", "WARN");
        return env;
    }

    /**
     * Starts the service in this JVM with the environment given as properties (the AWS keys as the static
     * credentials: the SDK's environment chain cannot be set from inside a JVM).
     */
    static ConfigurableApplicationContext start(Map<String, String> environment) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--logging.level.kafka=WARN");
        args.add("--logging.level.state.change.logger=WARN");
        environment.forEach((key, value) -> {
            switch (key) {
                case "AWS_ACCESS_KEY_ID" -> args.add("--agentobs.audit.s3.access-key=" + value);
                case "AWS_SECRET_ACCESS_KEY" -> args.add("--agentobs.audit.s3.secret-key=" + value);
                default -> args.add("--" + PROPERTY_NAMES.getOrDefault(key, key) + "=" + value);
            }
        });
        return new SpringApplicationBuilder(AuditLoggerApplication.class).run(args.toArray(String[]::new));
    }
}
