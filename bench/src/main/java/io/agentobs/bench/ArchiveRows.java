package io.agentobs.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.audit.archive.EnvelopeColumns;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.codec.InvalidEventException;

/** Archive rows of valid events as audit-logger-service builds them: the record untouched plus its envelope columns. */
final class ArchiveRows {

    private static final EventCodec CODEC = new EventCodec();

    private ArchiveRows() {
    }

    /** The row of a record of {@code topic} written with CreateTime {@code timestampMs}; the value must be valid. */
    static ArchivedRecord of(Topic topic, int partition, long offset, long timestampMs, String key, byte[] value) {
        EnvelopeColumns envelope;
        try {
            envelope = EnvelopeColumns.of(topic, CODEC.decodeTree(topic, value));
        } catch (InvalidEventException e) {
            throw new IllegalArgumentException("invalid " + topic.topicName() + " event: " + e.getMessage(), e);
        }
        return new ArchivedRecord(topic.topicName(), partition, offset, timestampMs, "CreateTime",
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, List.of(), envelope.eventId(),
                envelope.correlationId(), envelope.eventTimeMicros(), envelope.agent(), envelope.eventType(), null);
    }
}
