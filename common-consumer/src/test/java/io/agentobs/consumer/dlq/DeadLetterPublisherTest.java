package io.agentobs.consumer.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** What a dead letter looks like on the wire: same key and bytes, original headers, SPEC §2 reason headers. */
class DeadLetterPublisherTest {

    private final DeadLetterPublisher publisher = new DeadLetterPublisher(null, "db-writer-group", Duration.ofSeconds(1),
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

    @Test
    void deadLetterKeepsKeyValueAndHeadersAndAddsTheReason() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
        byte[] key = "k1".getBytes(StandardCharsets.UTF_8);
        byte[] value = {(byte) 0xff, 0x00, 0x7b};
        ConsumerRecord<byte[], byte[]> original = new ConsumerRecord<>("agent-actions", 7, 1234L, 0L, TimestampType.CREATE_TIME,
                key.length, value.length, key, value, headers, Optional.empty());

        ProducerRecord<byte[], byte[]> letter = publisher.toProducerRecord(
                new DeadLetter(original, "NOT_UTF8", "NOT_UTF8: $: invalid UTF-8 at byte 0"));

        assertThat(letter.topic()).isEqualTo("agent-actions-dlq");
        assertThat(letter.partition()).isNull();
        assertThat(letter.key()).isEqualTo(key);
        assertThat(letter.value()).isEqualTo(value);
        assertThat(header(letter, "traceparent")).isEqualTo("00-abc");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("agent-actions");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("7");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("1234");
        assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("NOT_UTF8");
        assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("NOT_UTF8: $: invalid UTF-8 at byte 0");
        assertThat(header(letter, DeadLetterHeaders.FAILED_AT)).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(header(letter, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("db-writer-group");
    }

    @Test
    void redeadLetteredRecordCarriesOnlyTheNewReason() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.ERROR_CLASS, "OLD".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> original = new ConsumerRecord<>("task-executions", 0, 1L, 0L, TimestampType.CREATE_TIME,
                0, 1, null, new byte[] {'{'}, headers, Optional.empty());

        ProducerRecord<byte[], byte[]> letter = publisher.toProducerRecord(new DeadLetter(original, "MALFORMED_JSON", "bad"));

        assertThat(letter.headers().headers(DeadLetterHeaders.ERROR_CLASS)).hasSize(1);
        assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("MALFORMED_JSON");
        assertThat(letter.key()).isNull();
    }

    @Test
    void veryLongReasonIsCut() {
        ConsumerRecord<byte[], byte[]> original = new ConsumerRecord<>("agent-actions", 0, 1L, new byte[0], new byte[] {1});
        ProducerRecord<byte[], byte[]> letter = publisher.toProducerRecord(new DeadLetter(original, "SCHEMA_INVALID", "x".repeat(10_000)));
        assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE)).hasSize(DeadLetterPublisher.MAX_MESSAGE_CHARS);
    }

    @Test
    void deadLetterWithoutValueKeepsKeyAndReasonAndGivesTheSize() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> original = new ConsumerRecord<>("agent-actions", 2, 9L, 0L, TimestampType.CREATE_TIME,
                1, 5000, new byte[] {'k'}, new byte[5000], headers, Optional.empty());
        DeadLetter letter = new DeadLetter(original, "TOO_LARGE", "too large");

        ProducerRecord<byte[], byte[]> stripped = DeadLetterPublisher.withoutValue(publisher.toProducerRecord(letter), letter);

        assertThat(stripped.value()).isNull();
        assertThat(stripped.key()).containsExactly('k');
        assertThat(header(stripped, DeadLetterPublisher.VALUE_OMITTED)).isEqualTo("5000");
        assertThat(header(stripped, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("TOO_LARGE");
        assertThat(header(stripped, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("9");
        assertThat(stripped.headers().lastHeader("traceparent")).isNull();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
