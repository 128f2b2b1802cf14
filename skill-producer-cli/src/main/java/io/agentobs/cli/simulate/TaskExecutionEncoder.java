package io.agentobs.cli.simulate;

import io.agentobs.events.ActionType;
import io.agentobs.events.Topic;

import java.util.ArrayList;
import java.util.List;

/** Writes a trace's task execution: the run's steps, agent chain, tools and outcome, keyed by the task fingerprint. */
final class TaskExecutionEncoder {

    private static final double ACCEPTANCE_RATE = 0.92;

    private final JsonWriter json;
    private final RandomSource random;

    TaskExecutionEncoder(JsonWriter json, RandomSource random) {
        this.json = json;
        this.random = random;
    }

    GeneratedEvent write(TracePlan plan) {
        Scenario scenario = plan.scenario();
        EventEnvelope.open(json, random.uuid(), plan.correlationId())
                .field("fingerprint_id", scenario.fingerprintId())
                .field("task_hash", scenario.taskHash())
                .field("original_prompt", plan.prompt())
                .field("task_type", scenario.taskType())
                .field("domain", scenario.domain())
                .field("agent_name", plan.actingAgent())
                .stringArrayField("agent_chain", plan.agentChain())
                .field("success", plan.success())
                .decimalField("quality_score", plan.qualityScore())
                .decimalField("complexity_score", plan.complexityScore())
                .name("steps").beginArray();
        List<String> toolsUsed = new ArrayList<>(Tool.values().length);
        int stepNumber = 0;
        for (PlannedAction action : plan.actions()) {
            if (action.type() == ActionType.SUCCESS) {
                continue;
            }
            json.beginObject()
                    .field("step_number", ++stepNumber)
                    .field("action", action.step() != null ? action.step().name() : action.actionName())
                    .field("duration_ms", action.durationMs())
                    .field("outcome", action.type() == ActionType.ERROR ? "failure" : "success");
            if (action.step() != null) {
                json.field("tool", action.actionName());
                if (!toolsUsed.contains(action.actionName())) {
                    toolsUsed.add(action.actionName());
                }
            }
            if (action.file() != null) {
                json.name("files").beginArray().value(action.file().path()).endArray();
            }
            json.endObject();
        }
        json.endArray()
                .field("total_duration_ms", plan.actionDurationMs())
                .stringArrayField("tools_used", toolsUsed)
                .field("user_acceptance", plan.success() && random.chance(ACCEPTANCE_RATE));
        return EventEnvelope.close(json, Topic.TASK_EXECUTIONS, scenario.fingerprintId(),
                plan.startMillis() + plan.endOffsetMs());
    }
}
