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
 * A complete task run with its steps and outcome, on topic {@code task-executions} (seed 001); the input of pattern
 * extraction.
 *
 * <p>Required: {@code event_id}, {@code correlation_id}, {@code fingerprint_id} (the key), {@code task_type},
 * {@code agent_name}, {@code success}, {@code timestamp} — what kind of task, who ran it, and whether it worked.
 * Each step requires {@code action}; steps keep extra free-form fields such as {@code files}.
 */
@JsonClassDescription("A complete task execution with its steps and outcome. Kafka key: fingerprint_id.")
public record TaskExecution(
        @JsonProperty(value = "event_id", required = true) UUID eventId,
        @JsonProperty(value = "correlation_id", required = true) UUID correlationId,
        @JsonProperty(value = "fingerprint_id", required = true) UUID fingerprintId,
        @JsonProperty("task_hash") String taskHash,
        @JsonProperty("original_prompt") String originalPrompt,
        @JsonProperty(value = "task_type", required = true) String taskType,
        @JsonProperty("domain") String domain,
        @JsonProperty(value = "agent_name", required = true) String agentName,
        @JsonProperty("agent_chain") List<String> agentChain,
        @JsonProperty(value = "success", required = true) Boolean success,
        @JsonProperty("quality_score") @Bounds(min = 0, max = 1) Double qualityScore,
        @JsonProperty("complexity_score") @Bounds(min = 0, max = 1) Double complexityScore,
        @JsonProperty("steps") List<Step> steps,
        @JsonProperty("total_duration_ms") @Bounds(min = 0) Long totalDurationMs,
        @JsonProperty("tools_used") List<String> toolsUsed,
        @JsonProperty("user_acceptance") Boolean userAcceptance,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp,
        @JsonProperty("schema_version") @Bounds(min = 1) int schemaVersion,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extraFields) implements AgentEvent {

    public TaskExecution {
        agentChain = EventCollections.copyOrNull(agentChain);
        steps = EventCollections.copyOrNull(steps);
        toolsUsed = EventCollections.copyOrNull(toolsUsed);
        metadata = EventCollections.copyOrNull(metadata);
        extraFields = EventCollections.copyOrEmpty(extraFields);
    }

    @Override
    public Topic topic() {
        return Topic.TASK_EXECUTIONS;
    }

    @Override
    public String partitionKey() {
        return Objects.toString(fingerprintId, null);
    }

    /** One step of a task run; free-form extras such as {@code files} are kept in {@link #extraFields()}. */
    @JsonClassDescription("One step of a task execution; extra fields such as files are allowed.")
    public record Step(
            @JsonProperty("step_number") @Bounds(min = 0) Integer stepNumber,
            @JsonProperty(value = "action", required = true) String action,
            @JsonProperty("duration_ms") @Bounds(min = 0) Long durationMs,
            @JsonProperty("outcome") String outcome,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extraFields) {

        public Step {
            extraFields = EventCollections.copyOrEmpty(extraFields);
        }
    }
}
