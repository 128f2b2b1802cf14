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
 * Which agent the router picked for a request and why, on topic {@code agent-routing-decisions} (seed 001).
 *
 * <p>Required: {@code event_id}, {@code correlation_id}, {@code selected_agent}, {@code confidence_score}
 * (in [0, 1]), {@code timestamp} — the decision itself. Each alternative requires {@code agent_name} and
 * {@code confidence_score}. {@code context} stays free-form JSON.
 */
@JsonClassDescription("Which agent the router selected for a request, with its confidence and the alternatives. "
        + "Kafka key: correlation_id.")
public record RoutingDecision(
        @JsonProperty(value = "event_id", required = true) UUID eventId,
        @JsonProperty(value = "correlation_id", required = true) UUID correlationId,
        @JsonProperty("user_request") String userRequest,
        @JsonProperty(value = "selected_agent", required = true) String selectedAgent,
        @JsonProperty(value = "confidence_score", required = true) @Bounds(min = 0, max = 1) Double confidenceScore,
        @JsonProperty("alternatives") List<Alternative> alternatives,
        @JsonProperty("reasoning") String reasoning,
        @JsonProperty("routing_strategy") String routingStrategy,
        @JsonProperty("context") Map<String, Object> context,
        @JsonProperty("routing_time_ms") @Bounds(min = 0) Long routingTimeMs,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp,
        @JsonProperty("schema_version") @Bounds(min = 1) int schemaVersion,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extraFields) implements AgentEvent {

    public RoutingDecision {
        alternatives = EventCollections.copyOrNull(alternatives);
        context = EventCollections.copyOrNull(context);
        metadata = EventCollections.copyOrNull(metadata);
        extraFields = EventCollections.copyOrEmpty(extraFields);
    }

    @Override
    public Topic topic() {
        return Topic.AGENT_ROUTING_DECISIONS;
    }

    @Override
    public String partitionKey() {
        return Objects.toString(correlationId, null);
    }

    /** An agent the router considered but did not select; unknown fields are kept like the event's own. */
    @JsonClassDescription("An agent the router considered but did not select.")
    public record Alternative(
            @JsonProperty(value = "agent_name", required = true) String agentName,
            @JsonProperty(value = "confidence_score", required = true) @Bounds(min = 0, max = 1)
            Double confidenceScore,
            @JsonProperty("reason") String reason,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extraFields) {

        public Alternative {
            extraFields = EventCollections.copyOrEmpty(extraFields);
        }
    }
}
