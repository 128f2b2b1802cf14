package io.agentobs.audit.archive;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One Kafka record as archived: its coordinates and untouched key, value and headers, plus the envelope columns
 * decoded from the value ({@code null} when the value could not be decoded). Byte arrays are held, not copied;
 * {@link #equals} and {@link #hashCode} compare them by content.
 */
public record ArchivedRecord(String topic, int partition, long offset, long timestampMs, String timestampType,
        byte[] key, byte[] value, List<ArchivedHeader> headers,
        String eventId, String correlationId, Long eventTimeMicros, String agent, String eventType,
        String deadLetter) {

    public ArchivedRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(timestampType, "timestampType");
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArchivedRecord that
                && partition == that.partition
                && offset == that.offset
                && timestampMs == that.timestampMs
                && topic.equals(that.topic)
                && timestampType.equals(that.timestampType)
                && Arrays.equals(key, that.key)
                && Arrays.equals(value, that.value)
                && headers.equals(that.headers)
                && Objects.equals(eventId, that.eventId)
                && Objects.equals(correlationId, that.correlationId)
                && Objects.equals(eventTimeMicros, that.eventTimeMicros)
                && Objects.equals(agent, that.agent)
                && Objects.equals(eventType, that.eventType)
                && Objects.equals(deadLetter, that.deadLetter);
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(topic, partition, offset, timestampMs, timestampType, headers,
                eventId, correlationId, eventTimeMicros, agent, eventType, deadLetter);
        result = 31 * result + Arrays.hashCode(key);
        return 31 * result + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "ArchivedRecord[" + topic + "-" + partition + "@" + offset
                + ", timestampMs=" + timestampMs + " (" + timestampType + ")"
                + ", key=" + length(key) + ", value=" + length(value) + ", headers=" + headers
                + ", eventId=" + eventId + ", correlationId=" + correlationId
                + ", eventTimeMicros=" + eventTimeMicros + ", agent=" + agent + ", eventType=" + eventType
                + ", deadLetter=" + deadLetter + "]";
    }

    private static String length(byte[] bytes) {
        return bytes == null ? "null" : bytes.length + " bytes";
    }
}
