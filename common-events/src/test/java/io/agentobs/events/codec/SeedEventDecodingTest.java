package io.agentobs.events.codec;

import io.agentobs.events.ActionType;
import io.agentobs.events.AgentAction;
import io.agentobs.events.AgentEvent;
import io.agentobs.events.CodeQualityMetric;
import io.agentobs.events.FailurePattern;
import io.agentobs.events.RouterPerformanceMetric;
import io.agentobs.events.RoutingDecision;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.SuccessPattern;
import io.agentobs.events.TaskExecution;
import io.agentobs.events.Topic;
import io.agentobs.events.TransformationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SeedEventDecodingTest {

    private static final Instant SEED_TIME = Instant.parse("2025-10-20T18:30:00.123Z");
    private static final UUID SEED_CORRELATION = UUID.fromString("7415f61f-ab2f-4961-97f5-a5f5c6499a4d");

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everySeedExampleDecodesToItsTopicsRecord(Topic topic) throws InvalidEventException {
        AgentEvent event = codec.decode(topic, SeedEvents.bytes(topic));

        assertThat(event).isInstanceOf(topic.eventType());
        assertThat(event.correlationId()).isEqualTo(SEED_CORRELATION);
        assertThat(event.timestamp()).isEqualTo(SEED_TIME);
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.extraFields()).isEmpty();
    }

    @Test
    void agentActionKeepsEveryField() throws InvalidEventException {
        AgentAction action = (AgentAction) codec.decode(Topic.AGENT_ACTIONS, SeedEvents.bytes(Topic.AGENT_ACTIONS));

        assertThat(action.eventId()).isEqualTo(UUID.fromString("3f2a9c4e-8b1d-4e6f-9a2b-1c3d5e7f9a0b"));
        assertThat(action.agentName()).isEqualTo("polymorphic-agent");
        assertThat(action.actionType()).isEqualTo(ActionType.TOOL_CALL);
        assertThat(action.actionName()).isEqualTo("Read");
        assertThat(action.actionDetails()).containsEntry("file_path", "/path/to/file.py")
                .containsEntry("lines_read", 150);
        assertThat(action.debugMode()).isTrue();
        assertThat(action.durationMs()).isEqualTo(45L);
        assertThat(action.metadata()).containsEntry("skill_version", "1.0.0");
    }

    @Test
    void seed000AgentActionExampleDecodes() throws InvalidEventException {
        AgentAction action = (AgentAction) codec.decode(Topic.AGENT_ACTIONS,
                SeedEvents.bytes(SeedEvents.AGENT_ACTIONS_SEED_000));

        assertThat(action.agentName()).isEqualTo("agent-polymorphic-agent");
        assertThat(action.durationMs()).isEqualTo(42L);
        assertThat(action.metadata()).isNull();
        assertThat(action.timestamp()).isEqualTo(Instant.parse("2025-10-20T18:45:32.123Z"));
    }

    @Test
    void routingDecisionKeepsAlternativesInOrder() throws InvalidEventException {
        RoutingDecision decision = (RoutingDecision) codec.decode(Topic.AGENT_ROUTING_DECISIONS,
                SeedEvents.bytes(Topic.AGENT_ROUTING_DECISIONS));

        assertThat(decision.selectedAgent()).isEqualTo("agent-performance");
        assertThat(decision.confidenceScore()).isEqualTo(0.92);
        assertThat(decision.alternatives()).containsExactly(
                new RoutingDecision.Alternative("agent-database", 0.85, "Database keyword match", Map.of()),
                new RoutingDecision.Alternative("agent-debug", 0.73, "General optimization capability", Map.of()));
        assertThat(decision.context()).containsEntry("file_context", List.of("api/database.py"));
        assertThat(decision.routingTimeMs()).isEqualTo(45L);
    }

    @Test
    void transformationEventKeepsOutcome() throws InvalidEventException {
        TransformationEvent event = (TransformationEvent) codec.decode(Topic.AGENT_TRANSFORMATION_EVENTS,
                SeedEvents.bytes(Topic.AGENT_TRANSFORMATION_EVENTS));

        assertThat(event.sourceAgent()).isEqualTo("polymorphic-agent");
        assertThat(event.targetAgent()).isEqualTo("agent-performance");
        assertThat(event.success()).isTrue();
        assertThat(event.contextPreserved()).containsKey("session_id");
    }

    @Test
    void routerMetricKeepsMeasurements() throws InvalidEventException {
        RouterPerformanceMetric metric = (RouterPerformanceMetric) codec.decode(Topic.ROUTER_PERFORMANCE_METRICS,
                SeedEvents.bytes(Topic.ROUTER_PERFORMANCE_METRICS));

        assertThat(metric.routingDurationMs()).isEqualTo(45L);
        assertThat(metric.cacheHit()).isFalse();
        assertThat(metric.candidatesEvaluated()).isEqualTo(3);
        assertThat(metric.confidenceComponents()).containsEntry("historical_score", 0.90);
    }

    @Test
    void taskExecutionStepsKeepFreeFormFields() throws InvalidEventException {
        TaskExecution task = (TaskExecution) codec.decode(Topic.TASK_EXECUTIONS,
                SeedEvents.bytes(Topic.TASK_EXECUTIONS));

        assertThat(task.agentChain()).containsExactly("polymorphic-agent", "agent-api-architect", "agent-testing");
        assertThat(task.steps()).hasSize(2);
        assertThat(task.steps().get(0)).isEqualTo(
                new TaskExecution.Step(1, "rag_query", 1200L, "success", Map.of()));
        assertThat(task.steps().get(1).extraFields()).isEqualTo(Map.of("files", List.of("api/users.py")));
        assertThat(task.totalDurationMs()).isEqualTo(15400L);
        assertThat(task.userAcceptance()).isTrue();
    }

    @Test
    void codeQualityMetricKeepsScores() throws InvalidEventException {
        CodeQualityMetric metric = (CodeQualityMetric) codec.decode(Topic.CODE_QUALITY_METRICS,
                SeedEvents.bytes(Topic.CODE_QUALITY_METRICS));

        assertThat(metric.filePath()).isEqualTo("api/users.py");
        assertThat(metric.qualityScore()).isEqualTo(0.92);
        assertThat(metric.testCoverage()).isEqualTo(87.5);
        assertThat(metric.linesAdded()).isEqualTo(145);
        assertThat(metric.complexityMetrics()).containsEntry("nesting_depth", 2);
    }

    @Test
    void successPatternKeepsTemplate() throws InvalidEventException {
        SuccessPattern pattern = (SuccessPattern) codec.decode(Topic.SUCCESS_PATTERNS,
                SeedEvents.bytes(Topic.SUCCESS_PATTERNS));

        assertThat(pattern.patternName()).isEqualTo("FastAPI CRUD Endpoint Pattern");
        assertThat(pattern.patternTemplate()).containsKeys("steps", "placeholders");
        assertThat(pattern.validationCriteria()).containsEntry("min_test_coverage", 85);
        assertThat(pattern.estimatedDurationMs()).isEqualTo(14200L);
    }

    @Test
    void failurePatternKeepsResolutionSteps() throws InvalidEventException {
        FailurePattern failure = (FailurePattern) codec.decode(Topic.FAILURE_PATTERNS,
                SeedEvents.bytes(Topic.FAILURE_PATTERNS));

        assertThat(failure.errorMessage()).isEqualTo("Expected str, got int for field 'user_id'");
        assertThat(failure.contributingFactors()).containsExactly("database_migration_incomplete",
                "mixed_data_types");
        assertThat(failure.resolutionSteps()).hasSize(2);
        assertThat(failure.resolutionSteps().get(1)).containsEntry("files", List.of("models/product.py"));
        assertThat(failure.preventionStrategy()).containsEntry("automated_fix_possible", true);
    }
}
