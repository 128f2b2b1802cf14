package io.agentobs.cli.redrive;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedriveRecordTest {

    private static final byte[] KEY = {(byte) 0xC3, 0x00, (byte) 0xFF, 'k'};
    private static final byte[] VALUE = "{\"event_id\":\"e-1\",\"agent_name\":\"é\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void redrivenRecordKeepsKeyValueAndOwnHeadersAndDropsEveryDeadLetterHeader() {
        Map<String, String> headers = DeadLetters.headers("SCHEMA_INVALID", "agent_name is required");
        headers.put("traceparent", "00-abc-def-01");
        headers.put("x-tenant", "acme");
        headers.put(RedriveRecord.REDRIVEN_FROM, "agent-actions-dlq-0@3");
        RedriveRecord letter = DeadLetters.letter(headers, KEY, VALUE, DeadLetters.WRITTEN_AT);

        ProducerRecord<byte[], byte[]> sent = letter.toProducerRecord("agent-actions");

        assertThat(sent.topic()).isEqualTo("agent-actions");
        assertThat(sent.partition()).isNull();
        assertThat(sent.timestamp()).isNull();
        assertThat(sent.key()).isEqualTo(KEY);
        assertThat(sent.value()).isEqualTo(VALUE);
        List<String> names = new ArrayList<>();
        for (Header header : sent.headers()) {
            names.add(header.key());
        }
        assertThat(names).containsExactly("traceparent", "x-tenant", RedriveRecord.REDRIVEN_FROM);
        assertThat(new String(sent.headers().lastHeader(RedriveRecord.REDRIVEN_FROM).value(),
                StandardCharsets.UTF_8)).isEqualTo("agent-actions-dlq-2@17");
    }

    @Test
    void readsTheDeadLetterHeadersAndCoordinates() {
        RedriveRecord letter = DeadLetters.letter(DeadLetters.headers("SCHEMA_INVALID", "agent_name is required"));

        assertThat(letter.originalTopic()).isEqualTo("agent-actions");
        assertThat(letter.errorClass()).isEqualTo("SCHEMA_INVALID");
        assertThat(letter.errorMessage()).isEqualTo("agent_name is required");
        assertThat(letter.consumerGroup()).isEqualTo("db-writer");
        assertThat(letter.timestamp()).isEqualTo(DeadLetters.WRITTEN_AT);
        assertThat(letter.coordinates()).isEqualTo("agent-actions-dlq-2@17");
        assertThat(letter.originalCoordinates()).isEqualTo("agent-actions-4@120");
    }

    @Test
    void deadLetterOfItsOwnTopicWithValueIsRedrivable() {
        RedriveRecord letter = DeadLetters.letter(DeadLetters.headers("SCHEMA_INVALID", "m"));

        assertThat(letter.skipReason("agent-actions", null)).isEmpty();
    }

    @Test
    void deadLetterWithoutOriginalTopicIsSkippedEvenWithATargetTopic() {
        Map<String, String> headers = DeadLetters.headers("SCHEMA_INVALID", "m");
        headers.remove(RedriveRecord.ORIGINAL_TOPIC);
        RedriveRecord letter = DeadLetters.letter(headers);

        assertThat(letter.skipReason("agent-actions", null)).contains(SkipReason.NO_ORIGINAL_TOPIC);
        assertThat(letter.skipReason("agent-actions", "staging")).contains(SkipReason.NO_ORIGINAL_TOPIC);
    }

    @Test
    void deadLetterOfAnotherTopicIsSkippedUnlessATargetTopicIsGiven() {
        Map<String, String> headers = DeadLetters.headers("SCHEMA_INVALID", "m");
        headers.put(RedriveRecord.ORIGINAL_TOPIC, "task-executions");
        RedriveRecord letter = DeadLetters.letter(headers);

        assertThat(letter.skipReason("agent-actions", null)).contains(SkipReason.OTHER_ORIGINAL_TOPIC);
        assertThat(letter.skipReason("agent-actions", "staging")).isEmpty();
    }

    @Test
    void deadLetterWithoutItsValueIsSkipped() {
        Map<String, String> headers = DeadLetters.headers("SCHEMA_INVALID", "m");
        headers.put(RedriveRecord.VALUE_OMITTED, "2000000");
        RedriveRecord omitted = DeadLetters.letter(headers, KEY, null, DeadLetters.WRITTEN_AT);
        RedriveRecord tombstone = DeadLetters.letter(DeadLetters.headers("SCHEMA_INVALID", "m"), KEY, null,
                DeadLetters.WRITTEN_AT);

        assertThat(omitted.skipReason("agent-actions", null)).contains(SkipReason.VALUE_OMITTED);
        assertThat(omitted.skipReason("agent-actions", "staging")).contains(SkipReason.VALUE_OMITTED);
        assertThat(tombstone.skipReason("agent-actions", null)).contains(SkipReason.NO_VALUE);
    }
}
