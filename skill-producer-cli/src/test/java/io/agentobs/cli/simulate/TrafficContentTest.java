package io.agentobs.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentobs.events.ActionType;
import io.agentobs.events.AgentAction;
import io.agentobs.events.AgentEvent;
import io.agentobs.events.CodeQualityMetric;
import io.agentobs.events.FailurePattern;
import io.agentobs.events.RouterPerformanceMetric;
import io.agentobs.events.RoutingDecision;
import io.agentobs.events.SuccessPattern;
import io.agentobs.events.TaskExecution;
import io.agentobs.events.TransformationEvent;
import io.agentobs.events.codec.InvalidEventException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/** The generated traffic looks like real agent work: plausible mixes, rates, distributions and correlations. */
class TrafficContentTest {

    private static final int TRACES = 4_000;

    private static List<List<AgentEvent>> traces;

    @BeforeAll
    static void generate() throws InvalidEventException {
        traces = GeneratedTraces.decoded(2025, TRACES);
    }

    @Test
    void eachTraceHasTwoToEightActionsMostlyToolCalls() {
        Map<ActionType, Integer> byType = new HashMap<>();
        for (List<AgentEvent> trace : traces) {
            List<AgentAction> actions = GeneratedTraces.ofType(trace, AgentAction.class);
            assertThat(actions).hasSizeBetween(2, 8);
            actions.forEach(action -> byType.merge(action.actionType(), 1, Integer::sum));
        }
        int total = byType.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(byType.get(ActionType.TOOL_CALL)).isGreaterThan(total / 2);
        assertThat(byType).containsKeys(ActionType.DECISION, ActionType.ERROR, ActionType.SUCCESS);
    }

    @Test
    void failuresAppearAtAPlausibleRateAndShapeTheirTrace() {
        int failed = 0;
        int withError = 0;
        for (List<AgentEvent> trace : traces) {
            List<AgentAction> actions = GeneratedTraces.ofType(trace, AgentAction.class);
            TaskExecution task = GeneratedTraces.ofType(trace, TaskExecution.class).get(0);
            AgentAction last = actions.get(actions.size() - 1);
            boolean hasError = actions.stream().anyMatch(action -> action.actionType() == ActionType.ERROR);
            if (hasError) {
                withError++;
            }
            if (task.success()) {
                assertThat(last.actionType()).isEqualTo(ActionType.SUCCESS);
            } else {
                failed++;
                assertThat(last.actionType()).isEqualTo(ActionType.ERROR);
                assertThat(actions).noneMatch(action -> action.actionType() == ActionType.SUCCESS);
                assertThat(task.qualityScore()).isLessThanOrEqualTo(0.5);
                assertThat(task.userAcceptance()).isFalse();
            }
        }
        assertThat((double) withError / TRACES).isBetween(0.05, 0.12);
        assertThat((double) failed / TRACES).isBetween(0.03, 0.09);
    }

    @Test
    void taskExecutionSummarisesTheTraceActions() {
        for (List<AgentEvent> trace : traces) {
            List<AgentAction> actions = GeneratedTraces.ofType(trace, AgentAction.class);
            List<TaskExecution> tasks = GeneratedTraces.ofType(trace, TaskExecution.class);
            assertThat(tasks).hasSize(1);
            TaskExecution task = tasks.get(0);
            long durationSum = actions.stream().mapToLong(AgentAction::durationMs).sum();
            Set<String> toolNames = new LinkedHashSet<>();
            actions.stream().filter(action -> action.actionType() == ActionType.TOOL_CALL
                    || action.actionType() == ActionType.ERROR).forEach(action -> toolNames.add(action.actionName()));
            long nonSuccessActions = actions.stream()
                    .filter(action -> action.actionType() != ActionType.SUCCESS).count();

            assertThat(task.totalDurationMs()).isEqualTo(durationSum);
            assertThat(task.toolsUsed()).containsExactlyElementsOf(toolNames);
            assertThat(task.steps()).hasSize((int) nonSuccessActions);
            assertThat(task.agentChain()).contains(task.agentName());
            assertThat(task.steps()).extracting(TaskExecution.Step::stepNumber)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, task.steps().size())
                            .boxed().toList());
        }
    }

    @Test
    void fingerprintsPathIdsAndPatternIdsComeFromSmallStablePools() {
        Set<UUID> fingerprints = new HashSet<>();
        Map<String, UUID> pathIds = new HashMap<>();
        Set<UUID> patternIds = new HashSet<>();
        for (List<AgentEvent> trace : traces) {
            GeneratedTraces.ofType(trace, TaskExecution.class).forEach(task -> fingerprints.add(task.fingerprintId()));
            for (CodeQualityMetric metric : GeneratedTraces.ofType(trace, CodeQualityMetric.class)) {
                UUID previous = pathIds.putIfAbsent(metric.filePath(), metric.pathId());
                assertThat(previous == null || previous.equals(metric.pathId()))
                        .as("one path_id per file path").isTrue();
            }
            GeneratedTraces.ofType(trace, SuccessPattern.class).forEach(pattern -> patternIds.add(pattern.patternId()));
        }
        assertThat(fingerprints).hasSizeBetween(10, 20);
        assertThat(pathIds).hasSizeBetween(10, 60);
        assertThat(patternIds).hasSizeBetween(2, 10);
        assertThat(CodeFile.of("api/users.py").pathId()).isEqualTo(CodeFile.of("api/users.py").pathId());
    }

    @Test
    void toolDurationsAreLongTailedAndDifferPerTool() {
        Map<String, List<Long>> durations = new HashMap<>();
        for (List<AgentEvent> trace : traces) {
            for (AgentAction action : GeneratedTraces.ofType(trace, AgentAction.class)) {
                if (action.actionType() == ActionType.TOOL_CALL) {
                    durations.computeIfAbsent(action.actionName(), name -> new ArrayList<>()).add(action.durationMs());
                }
            }
        }
        assertThat(durations.keySet()).contains("Read", "Write", "Edit", "Bash", "Grep");
        long readMedian = percentile(durations.get("Read"), 0.5);
        long bashMedian = percentile(durations.get("Bash"), 0.5);
        assertThat(bashMedian).isGreaterThan(10 * readMedian);
        assertThat(percentile(durations.get("Bash"), 0.99)).isGreaterThan(5 * bashMedian);
        assertThat(percentile(durations.get("Read"), 0.99)).isGreaterThan(3 * readMedian);
    }

    @Test
    void routingConfidenceIsSkewedHighWithLowerScoringAlternativesAndSomeCacheHits() {
        List<Double> confidences = new ArrayList<>();
        int cacheHits = 0;
        for (List<AgentEvent> trace : traces) {
            RoutingDecision decision = GeneratedTraces.ofType(trace, RoutingDecision.class).get(0);
            confidences.add(decision.confidenceScore());
            assertThat(decision.alternatives()).hasSizeLessThanOrEqualTo(3)
                    .allSatisfy(alternative -> {
                        assertThat(alternative.confidenceScore()).isLessThanOrEqualTo(decision.confidenceScore());
                        assertThat(alternative.agentName()).isNotEqualTo(decision.selectedAgent());
                    });
            assertThat(Agents.SPECIALISTS).contains(decision.selectedAgent());
            RouterPerformanceMetric metric = GeneratedTraces.ofType(trace, RouterPerformanceMetric.class).get(0);
            assertThat(metric.routingDurationMs()).isEqualTo(decision.routingTimeMs());
            assertThat(metric.candidatesEvaluated()).isGreaterThan(decision.alternatives().size());
            if (metric.cacheHit()) {
                cacheHits++;
            }
        }
        confidences.sort(null);
        assertThat(confidences.get(confidences.size() / 2)).isGreaterThan(0.8);
        assertThat(confidences.get(0)).isGreaterThanOrEqualTo(0.0);
        assertThat(confidences.get(confidences.size() - 1)).isLessThanOrEqualTo(1.0);
        assertThat((double) cacheHits / TRACES).isBetween(0.3, 0.6);
    }

    @Test
    void transformationsTurnThePolymorphicAgentIntoTheSelectedAgentAndMostlySucceed() {
        int transformations = 0;
        int successes = 0;
        for (List<AgentEvent> trace : traces) {
            String selected = GeneratedTraces.ofType(trace, RoutingDecision.class).get(0).selectedAgent();
            for (TransformationEvent transformation : GeneratedTraces.ofType(trace, TransformationEvent.class)) {
                transformations++;
                assertThat(transformation.sourceAgent()).isEqualTo(Agents.POLYMORPHIC);
                assertThat(transformation.targetAgent()).isEqualTo(selected);
                if (transformation.success()) {
                    successes++;
                }
            }
        }
        assertThat((double) transformations / TRACES).isBetween(0.2, 0.6);
        assertThat((double) successes / transformations).isGreaterThan(0.9);
    }

    @Test
    void patternsFollowTheTraceOutcome() {
        int failedTraces = 0;
        int failurePatterns = 0;
        int successPatterns = 0;
        for (List<AgentEvent> trace : traces) {
            boolean success = GeneratedTraces.ofType(trace, TaskExecution.class).get(0).success();
            List<FailurePattern> failures = GeneratedTraces.ofType(trace, FailurePattern.class);
            List<SuccessPattern> successes = GeneratedTraces.ofType(trace, SuccessPattern.class);
            if (success) {
                assertThat(failures).isEmpty();
                successPatterns += successes.size();
            } else {
                failedTraces++;
                assertThat(successes).isEmpty();
                failurePatterns += failures.size();
                failures.forEach(failure -> assertThat(failure.errorMessage()).isNotBlank());
            }
        }
        assertThat(failurePatterns).isGreaterThan(failedTraces / 2).isLessThanOrEqualTo(failedTraces);
        assertThat(successPatterns).isBetween(TRACES / 200, TRACES / 20);
    }

    @Test
    void codeQualityMetricsDescribeUpToTwoFilesTheTraceChanged() {
        int metrics = 0;
        for (List<AgentEvent> trace : traces) {
            Set<String> changedFiles = new HashSet<>();
            for (AgentAction action : GeneratedTraces.ofType(trace, AgentAction.class)) {
                Object file = action.actionDetails().get("file_path");
                if (action.actionType() == ActionType.TOOL_CALL && file != null
                        && (action.actionName().equals("Write") || action.actionName().equals("Edit"))) {
                    changedFiles.add((String) file);
                }
            }
            List<CodeQualityMetric> quality = GeneratedTraces.ofType(trace, CodeQualityMetric.class);
            assertThat(quality).hasSizeLessThanOrEqualTo(2)
                    .allSatisfy(metric -> assertThat(changedFiles).contains(metric.filePath()));
            metrics += quality.size();
        }
        assertThat(metrics).isGreaterThan(TRACES / 2);
    }

    private static long percentile(List<Long> values, double quantile) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size())));
    }
}
