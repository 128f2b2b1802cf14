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
 * A polymorphic agent changing identity, on topic {@code agent-transformation-events} (seed 001).
 *
 * <p>Required: {@code event_id}, {@code correlation_id}, {@code source_agent}, {@code target_agent},
 * {@code success}, {@code timestamp} — from whom to whom, and whether it worked (alerts fire on failures).
 * {@code context_preserved} stays free-form JSON.
 */
@JsonClassDescription("A polymorphic agent transforming into another agent. Kafka key: correlation_id.")
public record TransformationEvent(
        @JsonProperty(value = "event_id", required = true) UUID eventId,
        @JsonProperty(value = "correlation_id", required = true) UUID correlationId,
        @JsonProperty(value = "source_agent", required = true) String sourceAgent,
        @JsonProperty(value = "target_agent", required = true) String targetAgent,
        @JsonProperty("transformation_reason") String transformationReason,
        @JsonProperty("confidence_score") @Bounds(min = 0, max = 1) Double confidenceScore,
        @JsonProperty("transformation_duration_ms") @Bounds(min = 0) Long transformationDurationMs,
        @JsonProperty(value = "success", required = true) Boolean success,
        @JsonProperty("context_preserved") Map<String, Object> contextPreserved,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp,
        @JsonProperty("schema_version") @Bounds(min = 1) int schemaVersion,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extraFields) implements AgentEvent {

    public TransformationEvent {
        contextPreserved = EventCollections.copyOrNull(contextPreserved);
        metadata = EventCollections.copyOrNull(metadata);
        extraFields = EventCollections.copyOrEmpty(extraFields);
    }

    @Override
    public Topic topic() {
        return Topic.AGENT_TRANSFORMATION_EVENTS;
    }

    @Override
    public String partitionKey() {
        return Objects.toString(correlationId, null);
    }
}
