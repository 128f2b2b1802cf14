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
 * Quality measurements of one code artifact an agent produced, on topic {@code code-quality-metrics} (seed 001).
 *
 * <p>Required: {@code event_id}, {@code correlation_id}, {@code path_id} (the key), {@code file_path},
 * {@code quality_score} (in [0, 1]), {@code timestamp} — which file, and how good. {@code test_coverage} is a
 * percentage in [0, 100]. {@code complexity_metrics} stays free-form JSON.
 */
@JsonClassDescription("Quality measurements of one code artifact. Kafka key: path_id.")
public record CodeQualityMetric(
        @JsonProperty(value = "event_id", required = true) UUID eventId,
        @JsonProperty(value = "correlation_id", required = true) UUID correlationId,
        @JsonProperty(value = "path_id", required = true) UUID pathId,
        @JsonProperty("fingerprint_id") UUID fingerprintId,
        @JsonProperty(value = "file_path", required = true) String filePath,
        @JsonProperty("artifact_type") String artifactType,
        @JsonProperty("language") String language,
        @JsonProperty(value = "quality_score", required = true) @Bounds(min = 0, max = 1) Double qualityScore,
        @JsonProperty("onex_compliance_score") @Bounds(min = 0, max = 1) Double onexComplianceScore,
        @JsonProperty("lines_added") @Bounds(min = 0) Integer linesAdded,
        @JsonProperty("lines_modified") @Bounds(min = 0) Integer linesModified,
        @JsonProperty("lines_deleted") @Bounds(min = 0) Integer linesDeleted,
        @JsonProperty("test_coverage") @Bounds(min = 0, max = 100) Double testCoverage,
        @JsonProperty("tests_passed") @Bounds(min = 0) Integer testsPassed,
        @JsonProperty("tests_failed") @Bounds(min = 0) Integer testsFailed,
        @JsonProperty("lint_passed") Boolean lintPassed,
        @JsonProperty("type_check_passed") Boolean typeCheckPassed,
        @JsonProperty("security_scan_passed") Boolean securityScanPassed,
        @JsonProperty("onex_node_type") String onexNodeType,
        @JsonProperty("complexity_metrics") Map<String, Object> complexityMetrics,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp,
        @JsonProperty("schema_version") @Bounds(min = 1) int schemaVersion,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extraFields) implements AgentEvent {

    public CodeQualityMetric {
        complexityMetrics = EventCollections.copyOrNull(complexityMetrics);
        metadata = EventCollections.copyOrNull(metadata);
        extraFields = EventCollections.copyOrEmpty(extraFields);
    }

    @Override
    public Topic topic() {
        return Topic.CODE_QUALITY_METRICS;
    }

    @Override
    public String partitionKey() {
        return Objects.toString(pathId, null);
    }
}
