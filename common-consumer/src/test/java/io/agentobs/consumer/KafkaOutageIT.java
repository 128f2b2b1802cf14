package io.agentobs.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agentobs.consumer.app.RecordingSink;
import io.agentobs.infra.junit.KafkaExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

/** Readiness follows the broker while the service is idle, and consumption resumes after the broker returns. */
class KafkaOutageIT {

    @RegisterExtension
    static final KafkaExtension kafka = new KafkaExtension();

    @Test
    void brokerOutageTurnsReadinessDownWhileIdleAndConsumptionResumesAfterIt() throws Exception {
        try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            client.createTopics(3, "agent-actions", "agent-actions-dlq");
        }
        String group = "outage-" + UUID.randomUUID();
        try (ConfigurableApplicationContext service = ConsumerServices.start(kafka.bootstrapServers(), group, Map.of())) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ConsumerServices.get(service, "/actuator/health/readiness").statusCode() == 200);

            kafka.server().stop();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ConsumerServices.get(service, "/actuator/health/readiness").statusCode() == 503);
            assertThat(ConsumerServices.get(service, "/actuator/health/readiness").body()).contains("\"kafka\"");
            assertThat(ConsumerServices.get(service, "/actuator/health/liveness").statusCode()).isEqualTo(200);

            kafka.server().start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ConsumerServices.get(service, "/actuator/health/readiness").statusCode() == 200);

            UUID correlation = UUID.randomUUID();
            UUID id = UUID.randomUUID();
            try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
                client.send("agent-actions", correlation.toString(), List.of(TestEvents.action(id, correlation, "a")));
            }
            RecordingSink sink = ConsumerServices.sink(service);
            await().atMost(Duration.ofSeconds(60)).until(() -> sink.stored().stream()
                    .anyMatch(e -> id.equals(e.event().eventId())));
        }
    }
}
