package io.agentobs.cli.redrive;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds dead letters as a consumer reads them from {@code agent-actions-dlq}, for unit tests. */
final class DeadLetters {

    static final Instant WRITTEN_AT = Instant.parse("2026-11-23T10:00:00Z");

    private DeadLetters() {
    }

    /** The SPEC §2 headers of a dead letter of agent-actions partition 4 offset 120. */
    static Map<String, String> headers(String errorClass, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RedriveRecord.ORIGINAL_TOPIC, "agent-actions");
        headers.put(RedriveRecord.ORIGINAL_PARTITION, "4");
        headers.put(RedriveRecord.ORIGINAL_OFFSET, "120");
        headers.put(RedriveRecord.ERROR_CLASS, errorClass);
        headers.put(RedriveRecord.ERROR_MESSAGE, message);
        headers.put(RedriveRecord.FAILED_AT, WRITTEN_AT.toString());
        headers.put(RedriveRecord.CONSUMER_GROUP, "db-writer");
        return headers;
    }

    static RedriveRecord letter(Map<String, String> headers, byte[] key, byte[] value, Instant timestamp) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, text) -> recordHeaders.add(name, text.getBytes(StandardCharsets.UTF_8)));
        return new RedriveRecord(new ConsumerRecord<>("agent-actions-dlq", 2, 17, timestamp.toEpochMilli(),
                TimestampType.CREATE_TIME, key == null ? -1 : key.length, value == null ? -1 : value.length, key, value,
                recordHeaders, Optional.empty()));
    }

    static RedriveRecord letter(Map<String, String> headers) {
        return letter(headers, "key-1".getBytes(StandardCharsets.UTF_8),
                "{\"event_id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8), WRITTEN_AT);
    }
}
