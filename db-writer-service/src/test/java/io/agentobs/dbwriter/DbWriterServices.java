package io.agentobs.dbwriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.infra.PostgresServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts db-writer-service in-process against given servers, configured through the seeds' variable names. */
final class DbWriterServices {

    private DbWriterServices() {
    }

    /** Settings a test service uses: the seed variables for PostgreSQL, fast retries and health checks. */
    static Map<String, String> settings(String bootstrap, PostgresServer postgres, String group) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("KAFKA_BROKERS", bootstrap);
        settings.put("KAFKA_GROUP_ID", group);
        settings.put("POSTGRES_HOST", postgres.host());
        settings.put("POSTGRES_PORT", Integer.toString(postgres.port()));
        settings.put("POSTGRES_DATABASE", postgres.database());
        settings.put("POSTGRES_USER", postgres.username());
        settings.put("POSTGRES_PASSWORD", postgres.password());
        settings.put("BATCH_TIMEOUT_MS", "200");
        settings.put("agentobs.consumer.retry.initial-interval", "200ms");
        settings.put("agentobs.consumer.retry.max-interval", "2s");
        settings.put("agentobs.consumer.health-check-interval", "500ms");
        settings.put("agentobs.db-writer.retention.enabled", "false");
        settings.put("logging.level.kafka", "WARN");
        settings.put("logging.level.state.change.logger", "WARN");
        settings.put("logging.level.org.apache.kafka", "WARN");
        return settings;
    }

    /** Starts the service with the settings, as command-line arguments. */
    static ConfigurableApplicationContext start(Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(DbWriterApplication.class).run(args.toArray(String[]::new));
    }
}
