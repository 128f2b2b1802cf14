package io.agentobs.dbwriter.table;

import java.util.List;

import io.agentobs.dbwriter.copy.CopyRows;
import io.agentobs.events.FailurePattern;
import io.agentobs.events.Topic;

/** {@code failure-patterns} → {@code failure_patterns}. */
final class FailurePatternsTable implements EventTable<FailurePattern> {

    @Override
    public Topic topic() {
        return Topic.FAILURE_PATTERNS;
    }

    @Override
    public String tableName() {
        return "failure_patterns";
    }

    @Override
    public List<String> columns() {
        return List.of("failure_id", "fingerprint_id", "path_id", "failure_type", "error_category", "error_message",
                "error_stack_trace", "failed_step", "root_cause", "contributing_factors", "resolution", "resolution_steps",
                "time_to_resolve_ms", "prevention_strategy");
    }

    @Override
    public void appendColumns(FailurePattern e, CopyRows row) {
        row.uuid(e.failureId()).uuid(e.fingerprintId()).uuid(e.pathId()).text(e.failureType()).text(e.errorCategory())
                .text(e.errorMessage()).text(e.errorStackTrace()).json(e.failedStep()).text(e.rootCause())
                .json(e.contributingFactors()).text(e.resolution()).json(e.resolutionSteps())
                .number(e.timeToResolveMs()).json(e.preventionStrategy());
    }
}
