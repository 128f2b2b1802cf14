package io.agentobs.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.consumer.app.RecordingSink;
import io.agentobs.consumer.app.TestConsumerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the test consumer service in-process against a given broker and talks to its HTTP endpoints. */
final class ConsumerServices {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConsumerServices() {
    }

    /** Starts a service on a random HTTP port with fast retries; extra settings override the defaults. */
    static ConfigurableApplicationContext start(String bootstrap, String group, Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.application.name", "test-consumer");
        settings.put("agentobs.kafka.brokers", bootstrap);
        settings.put("agentobs.consumer.group-id", group);
        settings.put("agentobs.consumer.topics", "agent-actions");
        settings.put("agentobs.consumer.batch-timeout", "200ms");
        settings.put("agentobs.consumer.retry.initial-interval", "200ms");
        settings.put("agentobs.consumer.retry.max-interval", "2s");
        settings.put("agentobs.consumer.health-check-interval", "500ms");
        settings.put("agentobs.consumer.bad-record-log-interval", "1s");
        // the embedded broker logs through the same logging system; keep its chatter out of test output
        settings.put("logging.level.kafka", "WARN");
        settings.put("logging.level.state.change.logger", "WARN");
        settings.put("logging.level.org.apache.kafka", "WARN");
        settings.putAll(extra);
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(TestConsumerApplication.class).run(args.toArray(String[]::new));
    }

    static RecordingSink sink(ConfigurableApplicationContext context) {
        return context.getBean(RecordingSink.class);
    }

    /** GET on the service's HTTP port; returns status and body. */
    static HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
