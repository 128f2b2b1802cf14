package io.agentobs.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.bench.consumer.BenchConsumerApplication;
import io.agentobs.consumer.AgentobsApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The agentobs pipeline as a service runs it: a common-consumer Spring Boot app whose sink only counts. */
final class AgentobsConsumerRun {

    private AgentobsConsumerRun() {
    }

    /** Starts the service with a fresh group and waits until its sink saw {@code events} events. */
    static Measurement run(String bootstrapServers, String topic, long events, int batchSize, String groupId,
                           Duration timeout) throws InterruptedException {
        EventCounter counter = new EventCounter(events);
        String[] args = arguments(bootstrapServers, topic, batchSize, groupId);
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchConsumerApplication.class)
                .main(BenchConsumerApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("eventCounter", counter))
                .run(AgentobsApplication.normalise(args))) {
            if (!counter.await(timeout)) {
                throw new IllegalStateException("agentobs consumer saw " + counter.count() + " of " + events
                        + " events within " + timeout + " (bad events go to " + topic + "-dlq)");
            }
        }
        return counter.measurement("agentobs common-consumer, batch-size " + batchSize, start);
    }

    /** The settings a deployment would pass; everything else keeps the service defaults. */
    private static String[] arguments(String bootstrapServers, String topic, int batchSize, String groupId) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.application.name", "bench-consumer");
        settings.put("spring.main.banner-mode", "off");
        settings.put("agentobs.kafka.brokers", bootstrapServers);
        settings.put("agentobs.consumer.group-id", groupId);
        settings.put("agentobs.consumer.topics", topic);
        settings.put("agentobs.consumer.batch-size", Integer.toString(batchSize));
        // Not a service setting: the embedded broker shares this JVM's logging and would log at INFO.
        settings.put("logging.level.kafka", "WARN");
        settings.put("logging.level.state.change.logger", "WARN");
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        return args.toArray(String[]::new);
    }
}
