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
 * How long one routing took and how it was computed, on topic {@code router-performance-metrics} (seed 001).
 *
 * <p>Required: {@code event_id}, {@code correlation_id}, {@code routing_duration_ms}, {@code timestamp} — the
 * measurement. {@code confidence_components} stays free-form JSON.
 */
@JsonClassDescription("Performance of one routing computation. Kafka key: correlation_id.")
public record RouterPerformanceMetric(
        @JsonProperty(value = "event_id", required = true) UUID eventId,
        @JsonProperty(value = "correlation_id", required = true) UUID correlationId,
        @JsonProperty("query_text") String queryText,
        @JsonProperty(value = "routing_duration_ms", required = true) @Bounds(min = 0) Long routingDurationMs,
        @JsonProperty("cache_hit") Boolean cacheHit,
        @JsonProperty("trigger_match_strategy") String triggerMatchStrategy,
        @JsonProperty("confidence_components") Map<String, Object> confidenceComponents,
        @JsonProperty("candidates_evaluated") @Bounds(min = 0) Integer candidatesEvaluated,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp,
        @JsonProperty("schema_version") @Bounds(min = 1) int schemaVersion,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extraFields) implements AgentEvent {

    public RouterPerformanceMetric {
        confidenceComponents = EventCollections.copyOrNull(confidenceComponents);
        metadata = EventCollections.copyOrNull(metadata);
        extraFields = EventCollections.copyOrEmpty(extraFields);
    }

    @Override
    public Topic topic() {
        return Topic.ROUTER_PERFORMANCE_METRICS;
    }

    @Override
    public String partitionKey() {
        return Objects.toString(correlationId, null);
    }
}
