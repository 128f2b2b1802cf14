package io.agentobs.events.codec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Unwraps Debezium outbox messages (seed 003): {@code {"schema": {...}, "payload": "<event JSON>"}} or with the
 * payload as an object; the payload becomes the event.
 *
 * <p>A document is an envelope when its top level has both {@code schema} and {@code payload} and no
 * {@code event_id} (every event has one, so an event that merely carries unknown {@code schema}/{@code payload}
 * fields is never mistaken for an envelope). Other top-level fields are ignored. Exactly one level is unwrapped;
 * field paths in later errors are relative to the payload.
 */
final class DebeziumEnvelope {

    static final String SCHEMA = "schema";
    static final String PAYLOAD = "payload";
    private static final String EVENT_ID = "event_id";

    private DebeziumEnvelope() {
    }

    static boolean isEnvelope(JsonNode root) {
        return root.isObject() && root.has(SCHEMA) && root.has(PAYLOAD) && !root.has(EVENT_ID);
    }

    /** The event inside {@code envelope}; a string payload is parsed as JSON with {@code reader}. */
    static JsonNode unwrap(JsonNode envelope, ObjectReader reader) throws InvalidEventException {
        JsonNode payload = envelope.get(PAYLOAD);
        if (payload.isObject()) {
            return payload;
        }
        if (!payload.isString()) {
            throw new InvalidEventException(InvalidEventException.Kind.SCHEMA_INVALID, new FieldError(PAYLOAD,
                    "Debezium payload must be a JSON object or a string holding one, got "
                            + JsonTypes.describe(payload)));
        }
        JsonNode parsed;
        try {
            parsed = reader.readTree(payload.stringValue());
        } catch (RuntimeException malformed) {
            // Jackson's own exceptions are RuntimeExceptions too; anything the parser throws means "not JSON".
            throw new InvalidEventException(InvalidEventException.Kind.MALFORMED_JSON,
                    new FieldError(PAYLOAD, "Debezium payload string is not JSON: " + JsonTypes.explain(malformed)),
                    malformed);
        }
        if (parsed == null || parsed.isMissingNode()) {
            throw new InvalidEventException(InvalidEventException.Kind.MALFORMED_JSON,
                    new FieldError(PAYLOAD, "Debezium payload string is empty"));
        }
        return parsed;
    }
}
