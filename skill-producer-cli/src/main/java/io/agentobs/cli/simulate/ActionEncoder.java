package io.agentobs.cli.simulate;

import io.agentobs.events.ActionType;
import io.agentobs.events.Topic;

import java.util.List;

/** Writes a trace's agent actions: tool calls, decisions, the error if one occurred, and the final success. */
final class ActionEncoder {

    private static final List<String> APPROACHES =
            List.of("incremental_change", "reuse_existing_pattern", "tests_first", "rewrite_module");

    private final JsonWriter json;
    private final RandomSource random;

    ActionEncoder(JsonWriter json, RandomSource random) {
        this.json = json;
        this.random = random;
    }

    void write(TracePlan plan, List<GeneratedEvent> out) {
        List<PlannedAction> actions = plan.actions();
        for (int i = 0; i < actions.size(); i++) {
            PlannedAction action = actions.get(i);
            EventEnvelope.open(json, random.uuid(), plan.correlationId())
                    .field("agent_name", action.agent())
                    .field("action_type", action.type().wireName())
                    .field("action_name", action.actionName())
                    .name("action_details").beginObject();
            switch (action.type()) {
                case TOOL_CALL -> toolCallDetails(action);
                case ERROR -> errorDetails(plan, action);
                case DECISION -> decisionDetails(plan, action);
                case SUCCESS -> successDetails(plan);
            }
            json.endObject()
                    .field("debug_mode", plan.debugMode())
                    .field("duration_ms", action.durationMs());
            out.add(EventEnvelope.close(json, Topic.AGENT_ACTIONS, plan.correlationId(),
                    plan.startMillis() + action.endOffsetMs()));
        }
    }

    private void toolCallDetails(PlannedAction action) {
        WorkflowStep step = action.step();
        json.field("step", step.name());
        step.tool().writeDetails(json, random, step.argument(), action.file());
    }

    private void errorDetails(TracePlan plan, PlannedAction action) {
        WorkflowStep step = action.step();
        FailureMode failure = plan.failure();
        json.field("step", step.name());
        if (step.argument() != null) {
            json.field("argument", step.argument());
        }
        if (action.file() != null) {
            json.field("file_path", action.file().path());
        }
        if (step.tool() == Tool.BASH) {
            json.field("exit_code", failure.fixedDurationMs() > 0 ? 124 : 1);
        }
        json.field("error_type", failure.errorCategory())
                .field("error_message", failure.message(plan.failedFile(), plan.failedLine()))
                .field("recoverable", plan.success());
    }

    private void decisionDetails(TracePlan plan, PlannedAction action) {
        if ("route_to_agent".equals(action.actionName())) {
            json.field("target_agent", plan.routing().selectedAgent())
                    .decimalField("confidence_score", plan.routing().confidence());
        } else {
            json.field("options_considered", random.between(2, 4))
                    .field("chosen_approach", random.pick(APPROACHES));
        }
    }

    private void successDetails(TracePlan plan) {
        int steps = 0;
        int filesChanged = 0;
        for (PlannedAction action : plan.actions()) {
            if (action.type() == ActionType.TOOL_CALL) {
                steps++;
                if (action.step().tool().changesCode()) {
                    filesChanged++;
                }
            }
        }
        json.field("steps_completed", steps)
                .field("files_changed", filesChanged)
                .decimalField("quality_score", plan.qualityScore());
    }
}
