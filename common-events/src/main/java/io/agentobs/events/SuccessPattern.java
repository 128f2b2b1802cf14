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
 * A reusable successful execution pattern, on topic {@code success-patterns} (seed 001).
 *
 * <p>Required: {@code event_id}, {@code correlation_id}, {@code pattern_id} (the key, deterministic for extracted
 * patterns), {@code pattern_name}, {@code pattern_type}, {@code timestamp} — which pattern, of what kind.
 * {@code pattern_template}, {@code applicability_criteria} and {@code validation_criteria} stay free-form JSON.
 */
@JsonClassDescription("A reusable successful execution pattern. Kafka key: pattern_id.")
public record SuccessPattern(
        @JsonProperty(value = "event_id", required = true) UUID eventId,
        @JsonProperty(value = "correlation_id", required = true) UUID correlationId,
        @JsonProperty(value = "pattern_id", required = true) UUID patternId,
        @JsonProperty("fingerprint_id") UUID fingerprintId,
        @JsonProperty("path_id") UUID pathId,
        @JsonProperty(value = "pattern_name", required = true) String patternName,
        @JsonProperty(value = "pattern_type", required = true) String patternType,
        @JsonProperty("pattern_template") Map<String, Object> patternTemplate,
        @JsonProperty("applicability_criteria") Map<String, Object> applicabilityCriteria,
        @JsonProperty("validation_criteria") Map<String, Object> validationCriteria,
        @JsonProperty("estimated_duration_ms") @Bounds(min = 0) Long estimatedDurationMs,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp,
        @JsonProperty("schema_version") @Bounds(min = 1) int schemaVersion,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extraFields) implements AgentEvent {

    public SuccessPattern {
        patternTemplate = EventCollections.copyOrNull(patternTemplate);
        applicabilityCriteria = EventCollections.copyOrNull(applicabilityCriteria);
        validationCriteria = EventCollections.copyOrNull(validationCriteria);
        metadata = EventCollections.copyOrNull(metadata);
        extraFields = EventCollections.copyOrEmpty(extraFields);
    }

    @Override
    public Topic topic() {
        return Topic.SUCCESS_PATTERNS;
    }

    @Override
    public String partitionKey() {
        return Objects.toString(patternId, null);
    }
}
