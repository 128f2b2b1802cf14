package io.agentobs.cli.simulate;

import io.agentobs.events.AgentEvent;
import io.agentobs.events.Topic;

/**
 * The fields every generated event starts and ends with ({@code event_id}, {@code correlation_id} first;
 * {@code timestamp}, {@code schema_version}, {@code metadata} last, as the event records order them).
 */
final class EventEnvelope {

    /** Marks simulated traffic, so that it can be told apart from real agent events downstream. */
    private static final String METADATA =
            "{\"skill_version\":\"1.0.0\",\"kafka_producer_id\":\"agentobs-simulate\",\"simulated\":true}";

    private EventEnvelope() {
    }

    /** Starts a new event document in {@code json}; the caller then writes the event's own fields. */
    static JsonWriter open(JsonWriter json, String eventId, String correlationId) {
        return json.reset().beginObject().field("event_id", eventId).field("correlation_id", correlationId);
    }

    /** Finishes the document and wraps it as an event of {@code topic} with record key {@code key}. */
    static GeneratedEvent close(JsonWriter json, Topic topic, String key, long timestampMillis) {
        json.timestampField("timestamp", timestampMillis)
                .field("schema_version", AgentEvent.CURRENT_SCHEMA_VERSION)
                .name("metadata").raw(METADATA)
                .endObject();
        return new GeneratedEvent(topic, key, json.toUtf8());
    }
}
