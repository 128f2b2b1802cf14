package io.agentobs.cli.simulate;

import io.agentobs.events.ActionType;
import io.agentobs.events.Topic;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes quality measurements of up to two files a trace changed, keyed by the file's stable {@code path_id};
 * scores follow the run's outcome, with an occasional poor file in good runs.
 */
final class CodeQualityEncoder {

    private static final int MAX_FILES = 2;
    private static final double POOR_FILE_RATE = 0.06;
    private static final List<String> NODE_TYPES = List.of("Effect", "Compute", "Reducer", "Orchestrator");

    private final JsonWriter json;
    private final RandomSource random;

    CodeQualityEncoder(JsonWriter json, RandomSource random) {
        this.json = json;
        this.random = random;
    }

    void write(TracePlan plan, List<GeneratedEvent> out) {
        List<PlannedAction> changes = new ArrayList<>(MAX_FILES);
        for (PlannedAction action : plan.actions()) {
            if (action.type() == ActionType.TOOL_CALL && action.step().tool().changesCode()
                    && changes.size() < MAX_FILES && !changesFile(changes, action.file())) {
                changes.add(action);
            }
        }
        for (PlannedAction change : changes) {
            out.add(metric(plan, change));
        }
    }

    private GeneratedEvent metric(TracePlan plan, PlannedAction change) {
        CodeFile file = change.file();
        double quality = plan.success()
                ? random.chance(POOR_FILE_RATE) ? random.between(0.35, 0.6)
                        : random.clampedGaussian(0.86, 0.07, 0.5, 0.99)
                : random.clampedGaussian(0.5, 0.15, 0.05, 0.9);
        boolean written = change.step().tool() == Tool.WRITE;
        EventEnvelope.open(json, random.uuid(), plan.correlationId())
                .field("path_id", file.pathId())
                .field("fingerprint_id", plan.scenario().fingerprintId())
                .field("file_path", file.path())
                .field("artifact_type", file.artifactType())
                .field("language", file.language())
                .decimalField("quality_score", quality)
                .decimalField("onex_compliance_score", random.clampedGaussian(quality + 0.03, 0.04, 0, 1))
                .field("lines_added", written ? random.logNormal(90, 0.7, 5_000) : random.logNormal(10, 0.9, 2_000))
                .field("lines_modified", written ? 0 : random.logNormal(8, 0.8, 2_000))
                .field("lines_deleted", written ? 0 : random.logNormal(4, 1.0, 2_000) - 1);
        if (isProgramCode(file)) {
            FailureMode failure = plan.success() ? null : plan.failure();
            boolean testsFailed = failure != null && "assertion_error".equals(failure.errorCategory());
            boolean typesFailed = failure != null && "type_error".equals(failure.errorCategory());
            double coverage = Math.round(random.clampedGaussian(quality * 95, 6, 0, 100) * 10) / 10.0;
            json.decimalField("test_coverage", coverage)
                    .field("tests_passed", random.between(3, 40))
                    .field("tests_failed", testsFailed ? random.between(1, 3) : 0)
                    .field("lint_passed", random.chance(quality >= 0.7 ? 0.95 : 0.5))
                    .field("type_check_passed", !typesFailed && random.chance(quality >= 0.55 ? 0.97 : 0.6))
                    .field("security_scan_passed", random.chance(0.97))
                    .field("onex_node_type", random.pick(NODE_TYPES))
                    .name("complexity_metrics").beginObject()
                    .field("cyclomatic_complexity", random.logNormal(5, 0.6, 200))
                    .field("cognitive_complexity", random.logNormal(4, 0.7, 300))
                    .field("nesting_depth", random.between(1, 5))
                    .endObject();
        } else {
            json.field("lint_passed", random.chance(quality >= 0.7 ? 0.95 : 0.5));
        }
        return EventEnvelope.close(json, Topic.CODE_QUALITY_METRICS, file.pathId(),
                plan.startMillis() + plan.endOffsetMs());
    }

    private static boolean isProgramCode(CodeFile file) {
        return switch (file.language()) {
            case "python", "typescript", "java" -> true;
            default -> false;
        };
    }

    private static boolean changesFile(List<PlannedAction> changes, CodeFile file) {
        for (PlannedAction change : changes) {
            if (change.file().equals(file)) {
                return true;
            }
        }
        return false;
    }
}
