package io.agentobs.events;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One action an agent took (tool call, decision, error, success), on topic {@code agent-actions}; fields of seed 001
 * and seed 000.
 *
 * <p>Required: {@code event_id}, {@code correlation_id}, {@code agent_name}, {@code action_type},
 * {@code action_name}, {@code timestamp} — who did what, and when. {@code action_details} stays free-form JSON.
 */
@JsonClassDescription("One action an agent took (tool call, decision, error, success). Kafka key: correlation_id.")
public record AgentAction(
        @JsonProperty(value = "event_id", required = true) UUID eventId,
        @JsonProperty(value = "correlation_id", required = true) UUID correlationId,
        @JsonProperty(value = "agent_name", required = true) String agentName,
        @JsonProperty(value = "action_type", required = true) ActionType actionType,
        @JsonProperty(value = "action_name", required = true) String actionName,
        @JsonProperty("action_details") Map<String, Object> actionDetails,
        @JsonProperty("debug_mode") Boolean debugMode,
        @JsonProperty("duration_ms") @Bounds(min = 0) Long durationMs,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp,
        @JsonProperty("schema_version") @Bounds(min = 1) int schemaVersion,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extraFields) implements AgentEvent {

    public AgentAction {
        actionDetails = EventCollections.copyOrNull(actionDetails);
        metadata = EventCollections.copyOrNull(metadata);
        extraFields = EventCollections.copyOrEmpty(extraFields);
    }

    @Override
    public Topic topic() {
        return Topic.AGENT_ACTIONS;
    }

    @Override
    public String partitionKey() {
        return Objects.toString(correlationId, null);
    }
}
