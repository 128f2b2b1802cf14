package io.agentobs.cli.simulate;

import io.agentobs.events.Topic;

import java.util.List;

/**
 * Writes the pattern events agents publish after a run: usually a failure pattern after a failed run, rarely a
 * success pattern after a good run of a task kind that has one.
 */
final class PatternEncoder {

    private static final double FAILURE_REPORT_RATE = 0.75;
    private static final double SUCCESS_REPORT_RATE = 0.04;
    private static final long MAX_TIME_TO_RESOLVE_MS = 7L * 24 * 3_600_000;
    private static final int MIN_TEST_COVERAGE = 85;

    private final JsonWriter json;
    private final RandomSource random;

    PatternEncoder(JsonWriter json, RandomSource random) {
        this.json = json;
        this.random = random;
    }

    void write(TracePlan plan, List<GeneratedEvent> out) {
        if (!plan.success()) {
            if (random.chance(FAILURE_REPORT_RATE)) {
                out.add(failurePattern(plan));
            }
            return;
        }
        KnownPattern pattern = plan.scenario().pattern();
        if (pattern != null && plan.qualityScore() >= pattern.minQualityScore() && random.chance(SUCCESS_REPORT_RATE)) {
            out.add(successPattern(plan, pattern));
        }
    }

    private GeneratedEvent failurePattern(TracePlan plan) {
        FailureMode failure = plan.failure();
        CodeFile file = plan.failedFile();
        PlannedAction failed = plan.actions().get(plan.failedActionIndex());
        String failureId = random.uuid();
        String message = failure.message(file, plan.failedLine());
        EventEnvelope.open(json, random.uuid(), plan.correlationId())
                .field("failure_id", failureId)
                .field("fingerprint_id", plan.scenario().fingerprintId())
                .field("path_id", file.pathId())
                .field("failure_type", failure.failureType())
                .field("error_category", failure.errorCategory())
                .field("error_message", message)
                .field("error_stack_trace", FailureMode.stackTrace(message, file, plan.failedLine()))
                .name("failed_step").beginObject()
                .field("step_number", plan.failedActionIndex() + 1)
                .field("action", failed.step().name())
                .field("tool", failed.actionName())
                .endObject()
                .field("root_cause", failure.rootCause())
                .stringArrayField("contributing_factors", failure.contributingFactors())
                .field("resolution", failure.resolution())
                .name("resolution_steps").beginArray();
        List<String> resolutionActions = failure.resolutionActions();
        for (int i = 0; i < resolutionActions.size(); i++) {
            json.beginObject()
                    .field("action", resolutionActions.get(i))
                    .field("duration_ms", random.logNormal(1_200, 0.8, 600_000));
            if (i == resolutionActions.size() - 1) {
                json.name("files").beginArray().value(file.path()).endArray();
            }
            json.endObject();
        }
        json.endArray()
                .field("time_to_resolve_ms", random.logNormal(1_800_000, 1.0, MAX_TIME_TO_RESOLVE_MS))
                .name("prevention_strategy").beginObject()
                .field("strategy", failure.prevention())
                .field("automated_fix_possible", failure.automatedFixPossible())
                .endObject();
        return EventEnvelope.close(json, Topic.FAILURE_PATTERNS, failureId, plan.startMillis() + plan.endOffsetMs());
    }

    private GeneratedEvent successPattern(TracePlan plan, KnownPattern pattern) {
        Scenario scenario = plan.scenario();
        EventEnvelope.open(json, random.uuid(), plan.correlationId())
                .field("pattern_id", pattern.patternId())
                .field("fingerprint_id", scenario.fingerprintId())
                .field("path_id", scenario.files().get(0).pathId())
                .field("pattern_name", pattern.name())
                .field("pattern_type", pattern.type())
                .name("pattern_template").beginObject()
                .name("steps").beginArray();
        for (String step : pattern.stepNames()) {
            json.beginObject().field("action", step).endObject();
        }
        json.endArray()
                .name("placeholders").beginObject()
                .field("entity_name", "string")
                .field("domain", "string")
                .endObject()
                .endObject()
                .name("applicability_criteria").beginObject()
                .stringArrayField("task_types", List.of(scenario.taskType()))
                .stringArrayField("domains", List.of(scenario.domain()))
                .stringArrayField("technologies", pattern.technologies())
                .endObject()
                .name("validation_criteria").beginObject()
                .decimalField("min_quality_score", pattern.minQualityScore())
                .field("min_test_coverage", MIN_TEST_COVERAGE)
                .endObject()
                .field("estimated_duration_ms", plan.actionDurationMs());
        return EventEnvelope.close(json, Topic.SUCCESS_PATTERNS, pattern.patternId(),
                plan.startMillis() + plan.endOffsetMs());
    }
}
