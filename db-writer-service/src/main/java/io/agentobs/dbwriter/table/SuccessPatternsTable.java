package io.agentobs.dbwriter.table;

import java.util.List;

import io.agentobs.dbwriter.copy.CopyRows;
import io.agentobs.events.SuccessPattern;
import io.agentobs.events.Topic;

/** {@code success-patterns} → {@code success_patterns}. */
final class SuccessPatternsTable implements EventTable<SuccessPattern> {

    @Override
    public Topic topic() {
        return Topic.SUCCESS_PATTERNS;
    }

    @Override
    public String tableName() {
        return "success_patterns";
    }

    @Override
    public List<String> columns() {
        return List.of("pattern_id", "fingerprint_id", "path_id", "pattern_name", "pattern_type", "pattern_template",
                "applicability_criteria", "validation_criteria", "estimated_duration_ms");
    }

    @Override
    public void appendColumns(SuccessPattern e, CopyRows row) {
        row.uuid(e.patternId()).uuid(e.fingerprintId()).uuid(e.pathId()).text(e.patternName()).text(e.patternType())
                .json(e.patternTemplate()).json(e.applicabilityCriteria()).json(e.validationCriteria())
                .number(e.estimatedDurationMs());
    }
}
