package io.agentobs.events;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A failure with its cause and resolution, on topic {@code failure-patterns} (seed 001); repeated signatures raise
 * alerts.
 *
 * <p>Required: {@code event_id}, {@code correlation_id}, {@code failure_id} (the key), {@code failure_type},
 * {@code error_message}, {@code timestamp} — what failed and how it reads. {@code failed_step},
 * {@code resolution_steps} (an array of objects) and {@code prevention_strategy} stay free-form JSON.
 */
@JsonClassDescription("A failure with its root cause and resolution. Kafka key: failure_id.")
public record FailurePattern(
        @JsonProperty(value = "event_id", required = true) UUID eventId,
        @JsonProperty(value = "correlation_id", required = true) UUID correlationId,
        @JsonProperty(value = "failure_id", required = true) UUID failureId,
        @JsonProperty("fingerprint_id") UUID fingerprintId,
        @JsonProperty("path_id") UUID pathId,
        @JsonProperty(value = "failure_type", required = true) String failureType,
        @JsonProperty("error_category") String errorCategory,
        @JsonProperty(value = "error_message", required = true) String errorMessage,
        @JsonProperty("error_stack_trace") String errorStackTrace,
        @JsonProperty("failed_step") Map<String, Object> failedStep,
        @JsonProperty("root_cause") String rootCause,
        @JsonProperty("contributing_factors") List<String> contributingFactors,
        @JsonProperty("resolution") String resolution,
        @JsonProperty("resolution_steps") List<Map<String, Object>> resolutionSteps,
        @JsonProperty("time_to_resolve_ms") @Bounds(min = 0) Long timeToResolveMs,
        @JsonProperty("prevention_strategy") Map<String, Object> preventionStrategy,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp,
        @JsonProperty("schema_version") @Bounds(min = 1) int schemaVersion,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extraFields) implements AgentEvent {

    public FailurePattern {
        failedStep = EventCollections.copyOrNull(failedStep);
        contributingFactors = EventCollections.copyOrNull(contributingFactors);
        resolutionSteps = EventCollections.copyOrNull(resolutionSteps);
        preventionStrategy = EventCollections.copyOrNull(preventionStrategy);
        metadata = EventCollections.copyOrNull(metadata);
        extraFields = EventCollections.copyOrEmpty(extraFields);
    }

    @Override
    public Topic topic() {
        return Topic.FAILURE_PATTERNS;
    }

    @Override
    public String partitionKey() {
        return Objects.toString(failureId, null);
    }
}
