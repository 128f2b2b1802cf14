package io.agentobs.audit.archive;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventEnvelope;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope columns of an archive row, read from a validated event ({@code EventCodec.decodeTree}): defined here,
 * once, for the audit logger and for anything that builds rows the same way.
 *
 * @param eventId {@code event_id}, canonical lower-case UUID
 * @param correlationId {@code correlation_id}, canonical lower-case UUID
 * @param eventTimeMicros {@code timestamp} in microseconds since the epoch, UTC
 * @param agent the agent the event is about, for topics whose events name one
 * @param eventType the event's own kind within its topic (action, task, pattern or failure type), where it has one
 */
public record EnvelopeColumns(String eventId, String correlationId, Long eventTimeMicros, String agent,
                              String eventType) {

    /** The field naming the agent an event is about. */
    private static final Map<Topic, String> AGENT_FIELDS = new EnumMap<>(Map.of(
            Topic.AGENT_ACTIONS, "agent_name",
            Topic.AGENT_ROUTING_DECISIONS, "selected_agent",
            Topic.TASK_EXECUTIONS, "agent_name",
            Topic.AGENT_TRANSFORMATION_EVENTS, "source_agent"));
    /** The field holding an event's own kind within its topic. */
    private static final Map<Topic, String> TYPE_FIELDS = new EnumMap<>(Map.of(
            Topic.AGENT_ACTIONS, "action_type",
            Topic.TASK_EXECUTIONS, "task_type",
            Topic.SUCCESS_PATTERNS, "pattern_type",
            Topic.FAILURE_PATTERNS, "failure_type"));

    /**
     * The columns of a valid event of {@code topic}.
     *
     * @throws IllegalArgumentException if {@code validated} has no readable envelope (it was not validated)
     */
    public static EnvelopeColumns of(Topic topic, ObjectNode validated) {
        EventEnvelope envelope = EventEnvelope.of(validated);
        return new EnvelopeColumns(envelope.eventId().toString(), envelope.correlationId().toString(),
                micros(envelope.timestamp()), text(validated, AGENT_FIELDS.get(topic)),
                text(validated, TYPE_FIELDS.get(topic)));
    }

    private static Long micros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1_000L;
    }

    private static String text(ObjectNode json, String field) {
        if (field == null) {
            return null;
        }
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }
}
