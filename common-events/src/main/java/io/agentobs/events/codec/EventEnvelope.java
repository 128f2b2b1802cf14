package io.agentobs.events.codec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The envelope fields every event shares, read from a validated JSON event ({@link EventCodec#decodeTree}) without
 * binding the whole event: for consumers that keep the original bytes and need only these. The values are the ones
 * {@link EventCodec#decode} would give the record.
 *
 * @param eventId {@code event_id}
 * @param correlationId {@code correlation_id}
 * @param timestamp {@code timestamp}, normalised to UTC
 */
public record EventEnvelope(UUID eventId, UUID correlationId, Instant timestamp) {

    /**
     * The envelope of {@code validated}, which {@link EventCodec#decodeTree} returned.
     *
     * @throws IllegalArgumentException if the object lacks an envelope field or holds one in a form validation rejects
     */
    public static EventEnvelope of(ObjectNode validated) {
        return new EventEnvelope(UUID.fromString(text(validated, "event_id")),
                UUID.fromString(text(validated, "correlation_id")), timestampOf(validated));
    }

    /**
     * Only the {@code timestamp} of {@code validated}, normalised to UTC, read by hand as the validator reads it.
     *
     * @throws IllegalArgumentException if the object has no timestamp in a form validation accepts
     */
    public static Instant timestampOf(ObjectNode validated) {
        String timestamp = text(validated, "timestamp");
        Instant instant = TimestampFormat.tryParse(timestamp);
        if (instant == null) {
            throw new IllegalArgumentException("timestamp: " + TimestampFormat.explainRejection(timestamp));
        }
        return instant;
    }

    private static String text(ObjectNode event, String field) {
        JsonNode node = event.get(field);
        if (node == null || !node.isString()) {
            throw new IllegalArgumentException(field + ": missing or not a string in a validated event");
        }
        return node.stringValue();
    }
}
