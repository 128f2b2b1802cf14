package io.agentobs.dbwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.agentobs.events.Topic;
import io.agentobs.events.samples.SampleEvents;
import io.agentobs.infra.client.KafkaTopics;
import io.agentobs.infra.client.ServiceHttp;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.PostgresExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.node.ObjectNode;

/** PostgreSQL stops for more than 20 s while events keep coming: nothing is lost, nothing is dead-lettered. */
class PostgresOutageIT {

    @RegisterExtension
    static final KafkaExtension KAFKA = KafkaExtension.shared();
    /** A server of this class's own, so the test may stop it. */
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final Topic TOPIC = Topic.CODE_QUALITY_METRICS;
    private static final int EVENTS = 600;

    @Test
    void postgresOutageOfTwentySecondsMidStreamLosesNothingAndDeadLettersNothing() throws Exception {
        Database database = new Database(POSTGRES.server());
        List<UUID> sent = new CopyOnWriteArrayList<>();
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        try (KafkaTopics kafka = new KafkaTopics(KAFKA.bootstrapServers());
             ConfigurableApplicationContext service = DbWriterServices.start(
                     DbWriterServices.settings(KAFKA.bootstrapServers(), POSTGRES.server(), "db-writer-outage-it"))) {
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            int dlqBefore = kafka.readAll(TOPIC.dlqName(), Integer.MAX_VALUE, Duration.ofSeconds(2)).size();
            AtomicInteger produced = new AtomicInteger();
            // 10 events every 250 ms: the stream runs through the whole outage (about 15 s of sending)
            producer.scheduleAtFixedRate(() -> {
                List<byte[][]> events = new ArrayList<>();
                for (int i = 0; i < 10 && produced.getAndIncrement() < EVENTS; i++) {
                    ObjectNode event = SampleEvents.event(TOPIC, Instant.now());
                    sent.add(UUID.fromString(event.get("event_id").asString()));
                    events.add(new byte[][] {SampleEvents.key(TOPIC, event), SampleEvents.bytes(event)});
                }
                kafka.sendAll(TOPIC.topicName(), events);
            }, 0, 250, TimeUnit.MILLISECONDS);

            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> stored(database, sent) >= 50);
            POSTGRES.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> ServiceHttp.status(port, "/actuator/health/readiness") == 503);
            await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(30))
                    .until(() -> ServiceHttp.status(port, "/actuator/health/readiness") == 503);
            assertThat(produced.get()).as("events kept coming during the outage").isGreaterThan(100);
            POSTGRES.start();

            await().atMost(Duration.ofSeconds(120)).until(() -> sent.size() >= EVENTS && stored(database, sent) == EVENTS);
            await().atMost(Duration.ofSeconds(30)).until(() -> ServiceHttp.status(port, "/actuator/health/readiness") == 200);
            assertThat(kafka.readAll(TOPIC.dlqName(), Integer.MAX_VALUE, Duration.ofSeconds(2))).hasSize(dlqBefore);
            assertThat(ServiceHttp.metric(port, "agentobs_consumer_retry_attempts_total")).isGreaterThan(0);
        } finally {
            producer.shutdownNow();
        }
    }

    private static long stored(Database database, List<UUID> ids) {
        return database.count("SELECT count(*) FROM code_artifacts WHERE event_id = ANY (?)", (Object) ids.toArray(UUID[]::new));
    }
}
