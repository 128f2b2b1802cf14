package io.agentobs.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agentobs.consumer.dlq.DeadLetter;
import io.agentobs.consumer.dlq.DeadLetterPublisher;
import io.agentobs.consumer.health.SinkHealth;
import io.agentobs.consumer.logging.BadRecordLog;
import io.agentobs.consumer.metrics.ConsumerMetrics;
import io.agentobs.events.codec.EventCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Classification and bookkeeping of one batch, without a broker. */
class BatchProcessorTest {

    private final List<DeadLetter> published = new ArrayList<>();
    private final SinkHealth sinkHealth = new SinkHealth(Clock.systemUTC());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerMetrics metrics = new ConsumerMetrics(registry, Clock.systemUTC());
    private final DeadLetterPublisher deadLetters = new DeadLetterPublisher(null, "g", Duration.ofSeconds(1), Clock.systemUTC()) {
        @Override
        public void publish(List<DeadLetter> letters) {
            published.addAll(letters);
        }
    };
    private final BatchProcessor processor = new BatchProcessor(new EventCodec(), deadLetters, sinkHealth, metrics, new BadRecordLog());

    @Test
    void validEventsReachTheSinkAndInvalidOnesAreDeadLettered() throws Exception {
        UUID correlation = UUID.randomUUID();
        List<String> seen = new ArrayList<>();
        processor.process(List.of(
                record(0, TestEvents.action(UUID.randomUUID(), correlation, "a")),
                record(1, TestEvents.malformed()),
                record(2, "{\"event_id\": 5}".getBytes(StandardCharsets.UTF_8)),
                record(3, new byte[] {(byte) 0xc3, 0x28}),
                record(4, null)), batch -> batch.events().forEach(e -> seen.add(e.coordinates())));

        assertThat(seen).containsExactly("agent-actions-0@0");
        assertThat(published).extracting(DeadLetter::errorClass)
                .containsExactly("MALFORMED_JSON", "SCHEMA_INVALID", "NOT_UTF8", "EMPTY_VALUE");
        assertThat(published.get(1).errorMessage()).contains("event_id");
        assertThat(metrics.snapshot().messagesConsumed()).isEqualTo(5);
        assertThat(metrics.snapshot().messagesInserted()).isEqualTo(1);
        assertThat(metrics.snapshot().messagesFailed()).isEqualTo(4);
        assertThat(metrics.snapshot().batchesProcessed()).isEqualTo(1);
        assertThat(registry.get("agentobs.consumer.records.failed").tag("error_class", "NOT_UTF8").counter().count()).isEqualTo(1);
    }

    @Test
    void batchOfOnlyBadRecordsDoesNotCallTheSink() throws Exception {
        processor.process(List.of(record(0, TestEvents.malformed())), batch -> {
            throw new AssertionError("sink called with " + batch.size() + " events");
        });
        assertThat(published).hasSize(1);
    }

    @Test
    void sinkThatKeepsEveryRecordReceivesTheDeadLetteredOnesWithTheirReason() throws Exception {
        List<EventBatch> received = new ArrayList<>();
        EventSink archive = new EventSink() {
            @Override
            public void write(EventBatch batch) {
                received.add(batch);
            }

            @Override
            public boolean receivesInvalidRecords() {
                return true;
            }
        };
        processor.process(List.of(record(0, TestEvents.malformed())), archive);
        processor.process(List.of(record(1, TestEvents.action(UUID.randomUUID(), UUID.randomUUID(), "a")), record(2, TestEvents.malformed())), archive);

        assertThat(received).hasSize(2);
        assertThat(received.get(0).events()).isEmpty();
        assertThat(received.get(0).invalidRecords()).singleElement()
                .satisfies(letter -> assertThat(letter.record().offset()).isZero())
                .satisfies(letter -> assertThat(letter.errorClass()).isEqualTo("MALFORMED_JSON"));
        assertThat(received.get(1).events()).extracting(ConsumedEvent::offset).containsExactly(1L);
        assertThat(received.get(1).invalidRecords()).extracting(letter -> letter.record().offset()).containsExactly(2L);
        assertThat(published).hasSize(2);
    }

    @Test
    void sinkThatReadsOnlyJsonGetsTheValidatedObjectUnboundAndTheSameDeadLetters() throws Exception {
        UUID eventId = UUID.randomUUID();
        List<ConsumedEvent> received = new ArrayList<>();
        EventSink jsonOnly = new EventSink() {
            @Override
            public void write(EventBatch batch) {
                received.addAll(batch.events());
            }

            @Override
            public boolean bindsEvents() {
                return false;
            }
        };
        processor.process(List.of(record(0, TestEvents.action(eventId, UUID.randomUUID(), "a")),
                record(1, "{\"event_id\": 5}".getBytes(StandardCharsets.UTF_8))), jsonOnly);

        assertThat(received).singleElement().satisfies(event -> {
            assertThat(event.event()).isNull();
            assertThat(event.json().get("event_id").asString()).isEqualTo(eventId.toString());
        });
        assertThat(published).extracting(DeadLetter::errorClass).containsExactly("SCHEMA_INVALID");
    }

    @Test
    void bindingSinkGetsTheRecordAndItsJson() throws Exception {
        UUID eventId = UUID.randomUUID();
        List<ConsumedEvent> received = new ArrayList<>();
        processor.process(List.of(record(0, TestEvents.action(eventId, UUID.randomUUID(), "a"))),
                batch -> received.addAll(batch.events()));

        assertThat(received).singleElement().satisfies(event -> {
            assertThat(event.event().eventId()).isEqualTo(eventId);
            assertThat(event.json().get("event_id").asString()).isEqualTo(eventId.toString());
        });
    }

    @Test
    void sinkThatStoresValidEventsOnlyGetsNoInvalidRecords() throws Exception {
        List<EventBatch> received = new ArrayList<>();
        processor.process(List.of(record(1, TestEvents.action(UUID.randomUUID(), UUID.randomUUID(), "a")), record(2, TestEvents.malformed())), received::add);
        assertThat(received).singleElement().satisfies(batch -> assertThat(batch.invalidRecords()).isEmpty());
    }

    @Test
    void sinkFailurePropagatesAndMarksTheSinkDown() {
        UUID correlation = UUID.randomUUID();
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(
                record(0, TestEvents.action(UUID.randomUUID(), correlation, "a")), record(1, TestEvents.malformed()));

        assertThatThrownBy(() -> processor.process(batch, b -> {
            throw new ConnectException("database down");
        })).isInstanceOf(ConnectException.class);

        assertThat(sinkHealth.healthy()).isFalse();
        assertThat(sinkHealth.writes().lastError()).contains("database down");
        assertThat(metrics.snapshot().batchesProcessed()).isZero();
    }

    @Test
    void deadLettersAreInKafkaBeforeTheSinkWrites() throws Exception {
        List<Integer> publishedWhenSinkRan = new ArrayList<>();
        processor.process(List.of(record(0, TestEvents.malformed()),
                record(1, TestEvents.action(UUID.randomUUID(), UUID.randomUUID(), "a"))),
                b -> publishedWhenSinkRan.add(published.size()));
        assertThat(publishedWhenSinkRan).containsExactly(1);
    }

    @Test
    void deadLetterIsPublishedOnceWhileItsBatchIsRetried() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(record(0, TestEvents.malformed()),
                record(1, TestEvents.action(UUID.randomUUID(), UUID.randomUUID(), "a")));
        EventSink down = b -> {
            throw new ConnectException("down");
        };
        assertThatThrownBy(() -> processor.process(batch, down));
        assertThatThrownBy(() -> processor.process(batch, down));
        processor.process(batch, b -> { });

        assertThat(published).extracting(DeadLetter::coordinates).containsExactly("agent-actions-0@0");
        assertThat(registry.get("agentobs.consumer.records.failed").tag("error_class", "MALFORMED_JSON").counter().count()).isEqualTo(1);
    }

    @Test
    void rejectionPublishedBeforeTheSinkCommitsIsNotPublishedAgain() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(
                record(0, TestEvents.action(UUID.randomUUID(), UUID.randomUUID(), "a")),
                record(1, TestEvents.action(UUID.randomUUID(), UUID.randomUUID(), "b")));
        List<Integer> publishedBeforeCommit = new ArrayList<>();
        EventSink rejectingSink = b -> {
            b.reject(b.events().get(1), "violates a constraint");
            b.publishRejections();
            publishedBeforeCommit.add(published.size());
        };
        assertThatThrownBy(() -> processor.process(batch, b -> {
            rejectingSink.write(b);
            throw new ConnectException("commit failed");
        }));
        processor.process(batch, rejectingSink);

        assertThat(publishedBeforeCommit).containsExactly(1, 1);
        assertThat(published).extracting(DeadLetter::errorClass, DeadLetter::errorMessage)
                .containsExactly(tuple("REJECTED_BY_SINK", "violates a constraint"));
        assertThat(metrics.snapshot().messagesInserted()).isEqualTo(1);
    }

    @Test
    void nextOffsetsCoverEveryPolledRecordDeadLettersIncluded() throws Exception {
        List<EventBatch> seen = new ArrayList<>();
        processor.process(List.of(
                record(7, TestEvents.action(UUID.randomUUID(), UUID.randomUUID(), "a")),
                record(8, TestEvents.malformed()),
                new ConsumerRecord<>("agent-actions", 3, 41L, null, TestEvents.action(UUID.randomUUID(), UUID.randomUUID(), "b"))),
                seen::add);
        assertThat(seen.get(0).nextOffsets()).containsOnly(
                entry(new TopicPartition("agent-actions", 0), 9L),
                entry(new TopicPartition("agent-actions", 3), 42L));
    }

    @Test
    void successfulRetryMarksTheSinkUpAgain() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(record(0, TestEvents.action(UUID.randomUUID(), UUID.randomUUID(), "a")));
        assertThatThrownBy(() -> processor.process(batch, b -> {
            throw new ConnectException("down");
        }));
        processor.process(batch, b -> { });
        assertThat(sinkHealth.healthy()).isTrue();
    }

    @Test
    void sinkSeesTheBatchCoordinatesInTheLoggingContext() throws Exception {
        List<String> contexts = new ArrayList<>();
        processor.process(List.of(record(3, TestEvents.action(UUID.randomUUID(), UUID.randomUUID(), "a")),
                        record(4, TestEvents.action(UUID.randomUUID(), UUID.randomUUID(), "a"))),
                b -> contexts.add(MDC.get("batch")));
        assertThat(contexts).containsExactly("agent-actions-0@3..agent-actions-0@4");
        assertThat(MDC.get("batch")).isNull();
    }

    @Test
    void recordFromATopicOutsideTheCatalogIsDeadLettered() throws Exception {
        processor.process(List.of(new ConsumerRecord<>("something-else", 0, 0L, null, TestEvents.malformed())), b -> { });
        assertThat(published).extracting(DeadLetter::errorClass).containsExactly("UNKNOWN_TOPIC");
        assertThat(published.get(0).deadLetterTopic()).isEqualTo("something-else-dlq");
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>("agent-actions", 0, offset, "k".getBytes(StandardCharsets.UTF_8), value);
    }
}
