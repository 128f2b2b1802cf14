package io.agentobs.dbwriter.table;

import java.util.List;

import io.agentobs.dbwriter.copy.CopyRows;
import io.agentobs.events.CodeQualityMetric;
import io.agentobs.events.Topic;

/** {@code code-quality-metrics} → {@code code_artifacts}. */
final class CodeArtifactsTable implements EventTable<CodeQualityMetric> {

    @Override
    public Topic topic() {
        return Topic.CODE_QUALITY_METRICS;
    }

    @Override
    public String tableName() {
        return "code_artifacts";
    }

    @Override
    public List<String> columns() {
        return List.of("path_id", "fingerprint_id", "file_path", "artifact_type", "language", "quality_score",
                "onex_compliance_score", "lines_added", "lines_modified", "lines_deleted", "test_coverage", "tests_passed",
                "tests_failed", "lint_passed", "type_check_passed", "security_scan_passed", "onex_node_type",
                "complexity_metrics");
    }

    @Override
    public void appendColumns(CodeQualityMetric e, CopyRows row) {
        row.uuid(e.pathId()).uuid(e.fingerprintId()).text(e.filePath()).text(e.artifactType()).text(e.language())
                .number(e.qualityScore()).number(e.onexComplianceScore()).number(e.linesAdded())
                .number(e.linesModified()).number(e.linesDeleted()).number(e.testCoverage()).number(e.testsPassed())
                .number(e.testsFailed()).bool(e.lintPassed()).bool(e.typeCheckPassed()).bool(e.securityScanPassed())
                .text(e.onexNodeType()).json(e.complexityMetrics());
    }
}
