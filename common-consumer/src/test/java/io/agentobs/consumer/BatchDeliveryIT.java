package io.agentobs.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.agentobs.consumer.app.RecordingSink;
import io.agentobs.consumer.dlq.DeadLetterHeaders;
import io.agentobs.consumer.dlq.DeadLetterPublisher;
import io.agentobs.infra.junit.KafkaExtension;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

/** The delivery contract of every service, on a real broker: DLQ for bad data, retry for outages, commit after the sink. */
class BatchDeliveryIT {

    @RegisterExtension
    static final KafkaExtension kafka = KafkaExtension.shared();

    private static KafkaTestClient client;

    @BeforeAll
    static void createTopics() throws Exception {
        client = new KafkaTestClient(kafka.bootstrapServers());
        client.createTopics(3, "agent-actions", "agent-actions-dlq");
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void malformedAndSchemaInvalidRecordsAreDeadLetteredWhileTheRestOfTheBatchIsStored() throws Exception {
        String group = "delivery-" + UUID.randomUUID();
        UUID correlation = UUID.randomUUID();
        UUID good1 = UUID.randomUUID();
        UUID good2 = UUID.randomUUID();
        UUID good3 = UUID.randomUUID();
        byte[] malformed = TestEvents.malformed();
        byte[] invalid = TestEvents.badActionType(UUID.randomUUID(), correlation);
        client.send("agent-actions", correlation.toString(), List.of(
                TestEvents.action(good1, correlation, "agent-a"), malformed,
                TestEvents.action(good2, correlation, "agent-a"), invalid,
                TestEvents.action(good3, correlation, "agent-a")));

        try (ConfigurableApplicationContext service = ConsumerServices.start(kafka.bootstrapServers(), group, Map.of())) {
            RecordingSink sink = ConsumerServices.sink(service);
            await().atMost(Duration.ofSeconds(30)).until(() -> idsOf(sink, correlation).size() == 3);
            assertThat(idsOf(sink, correlation)).containsExactly(good1, good2, good3);

            List<ConsumerRecord<byte[], byte[]>> dead = client.readAll("agent-actions-dlq",
                    r -> group.equals(KafkaTestClient.header(r, DeadLetterHeaders.CONSUMER_GROUP))
                            && correlation.toString().equals(new String(r.key(), StandardCharsets.UTF_8)), 2, Duration.ofSeconds(20));
            assertThat(dead).hasSize(2);
            ConsumerRecord<byte[], byte[]> first = dead.get(0);
            ConsumerRecord<byte[], byte[]> second = dead.get(1);
            assertThat(first.value()).isEqualTo(malformed);
            assertThat(KafkaTestClient.header(first, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("MALFORMED_JSON");
            assertThat(second.value()).isEqualTo(invalid);
            assertThat(KafkaTestClient.header(second, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("SCHEMA_INVALID");
            assertThat(KafkaTestClient.header(second, DeadLetterHeaders.ERROR_MESSAGE)).contains("action_type");
            for (ConsumerRecord<byte[], byte[]> letter : dead) {
                assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("agent-actions");
                assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).matches("[0-2]");
                assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).matches("\\d+");
                assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.FAILED_AT)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
                assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(correlation.toString());
            }
            assertThat(Long.parseLong(KafkaTestClient.header(first, DeadLetterHeaders.ORIGINAL_OFFSET)))
                    .isLessThan(Long.parseLong(KafkaTestClient.header(second, DeadLetterHeaders.ORIGINAL_OFFSET)));
            awaitFullyCommitted(group);
        }
    }

    @Test
    void eventRejectedBySinkIsDeadLetteredAndTheOthersAreStored() throws Exception {
        String group = "reject-" + UUID.randomUUID();
        UUID correlation = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        try (ConfigurableApplicationContext service = ConsumerServices.start(kafka.bootstrapServers(), group, Map.of())) {
            RecordingSink sink = ConsumerServices.sink(service);
            sink.rejectWhen(e -> e.event().eventId().equals(refused));
            client.send("agent-actions", correlation.toString(), List.of(
                    TestEvents.action(refused, correlation, "agent-b"), TestEvents.action(kept, correlation, "agent-b")));

            await().atMost(Duration.ofSeconds(30)).until(() -> idsOf(sink, correlation).contains(kept));
            assertThat(idsOf(sink, correlation)).containsExactly(kept);
            List<ConsumerRecord<byte[], byte[]>> dead = client.readAll("agent-actions-dlq",
                    r -> group.equals(KafkaTestClient.header(r, DeadLetterHeaders.CONSUMER_GROUP)), 1, Duration.ofSeconds(20));
            assertThat(dead).hasSize(1);
            assertThat(KafkaTestClient.header(dead.get(0), DeadLetterHeaders.ERROR_CLASS)).isEqualTo("REJECTED_BY_SINK");
            assertThat(KafkaTestClient.header(dead.get(0), DeadLetterHeaders.ERROR_MESSAGE)).contains(refused.toString());
        }
    }

    @Test
    void transientSinkOutageLosesNothingReordersNothingAndDeadLettersNothing() throws Exception {
        String group = "outage-" + UUID.randomUUID();
        UUID correlation = UUID.randomUUID();
        List<UUID> sent = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            sent.add(id);
            values.add(TestEvents.action(id, correlation, "agent-c"));
        }
        try (ConfigurableApplicationContext service = ConsumerServices.start(kafka.bootstrapServers(), group,
                Map.of("agentobs.consumer.retry.initial-interval", "700ms", "agentobs.consumer.batch-size", "15"))) {
            RecordingSink sink = ConsumerServices.sink(service);
            await().atMost(Duration.ofSeconds(30)).until(() -> ConsumerServices.get(service, "/actuator/health/readiness").statusCode() == 200);
            sink.failNextWrites(4);
            client.send("agent-actions", correlation.toString(), values);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ConsumerServices.get(service, "/actuator/health/readiness").statusCode() == 503);
            await().atMost(Duration.ofSeconds(60)).until(() -> idsOf(sink, correlation).size() >= sent.size());
            assertThat(idsOf(sink, correlation)).containsExactlyElementsOf(sent);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> ConsumerServices.get(service, "/actuator/health/readiness").statusCode() == 200);
            assertThat(ConsumerServices.get(service, "/actuator/prometheus").body())
                    .containsPattern("agentobs_consumer_retry_attempts_total\\{[^}]*exception=\"ConnectException\"[^}]*} [4-9]");

            List<ConsumerRecord<byte[], byte[]>> dead = client.readAll("agent-actions-dlq",
                    r -> group.equals(KafkaTestClient.header(r, DeadLetterHeaders.CONSUMER_GROUP))
                            && correlation.toString().equals(new String(r.key(), StandardCharsets.UTF_8)), 1, Duration.ofSeconds(3));
            assertThat(dead).isEmpty();
            awaitFullyCommitted(group);
        }
    }

    @Test
    void deadLetterTooLargeForItsTopicIsPublishedWithoutItsValue() throws Exception {
        client.createTopic("code-quality-metrics", 1, Map.of());
        client.createTopic("code-quality-metrics-dlq", 1, Map.of("max.message.bytes", "4096"));
        String group = "oversized-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        byte[] big = ("{\"event_id\": \"" + "x".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        client.send("code-quality-metrics", key, List.of(big));

        try (ConfigurableApplicationContext service = ConsumerServices.start(kafka.bootstrapServers(), group,
                Map.of("agentobs.consumer.topics", "code-quality-metrics"))) {
            List<ConsumerRecord<byte[], byte[]>> dead = client.readAll("code-quality-metrics-dlq",
                    r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)), 1, Duration.ofSeconds(30));
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isNull();
            assertThat(KafkaTestClient.header(dead.get(0), DeadLetterPublisher.VALUE_OMITTED)).isEqualTo(Integer.toString(big.length));
            assertThat(KafkaTestClient.header(dead.get(0), DeadLetterHeaders.ERROR_CLASS)).isEqualTo("SCHEMA_INVALID");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Long.valueOf(1).equals(client.committed(group, "code-quality-metrics").get(new TopicPartition("code-quality-metrics", 0))));
        }
    }

    @Test
    void committedBatchesAreNotRedeliveredAfterRestart() throws Exception {
        String group = "restart-" + UUID.randomUUID();
        UUID correlation = UUID.randomUUID();
        List<UUID> before = ids(10);
        List<UUID> after = ids(5);
        try (ConfigurableApplicationContext first = ConsumerServices.start(kafka.bootstrapServers(), group, Map.of())) {
            client.send("agent-actions", correlation.toString(), actions(before, correlation));
            RecordingSink sink = ConsumerServices.sink(first);
            await().atMost(Duration.ofSeconds(30)).until(() -> idsOf(sink, correlation).size() == before.size());
            awaitFullyCommitted(group);
        }
        try (ConfigurableApplicationContext second = ConsumerServices.start(kafka.bootstrapServers(), group, Map.of())) {
            client.send("agent-actions", correlation.toString(), actions(after, correlation));
            RecordingSink sink = ConsumerServices.sink(second);
            await().atMost(Duration.ofSeconds(30)).until(() -> idsOf(sink, correlation).size() >= after.size());
            awaitFullyCommitted(group);
            assertThat(idsOf(sink, correlation)).containsExactlyElementsOf(after);
        }
    }

    private void awaitFullyCommitted(String group) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<TopicPartition, Long> committed = client.committed(group, "agent-actions");
            Set<TopicPartition> partitions = Arrays.stream(new int[] {0, 1, 2})
                    .mapToObj(p -> new TopicPartition("agent-actions", p)).collect(Collectors.toSet());
            Map<TopicPartition, Long> ends = client.endOffsets(partitions);
            return ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || e.getValue().equals(committed.get(e.getKey())));
        });
    }

    private static List<UUID> idsOf(RecordingSink sink, UUID correlation) {
        return sink.stored().stream().filter(e -> correlation.equals(e.event().correlationId()))
                .map(e -> e.event().eventId()).toList();
    }

    private static List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private static List<byte[]> actions(List<UUID> ids, UUID correlation) {
        return ids.stream().map(id -> TestEvents.action(id, correlation, "agent-d")).toList();
    }
}
