package io.agentobs.cli.simulate;

import java.util.List;

/**
 * Everything sampled for one trace before it is written as events: who handled which request, each action with
 * its timing, and the outcome. Offsets are milliseconds after {@code startMillis}.
 *
 * @param transformation      null when the router handed the request over without a transformation
 * @param failure             how the trace's error happened, or null when no action failed
 * @param failedActionIndex   index in {@code actions} of the error action, or -1
 * @param failedFile          the file the error message names (null without an error)
 * @param failedLine          the line number the error message and stack trace name
 * @param success             false when the error ended the trace; true for clean and recovered traces
 */
record TracePlan(String correlationId, String sessionId, String previousAgent, Scenario scenario, String prompt,
        RoutingChoice routing, Transformation transformation, String actingAgent, List<String> agentChain,
        List<PlannedAction> actions, boolean success, FailureMode failure, int failedActionIndex, CodeFile failedFile,
        int failedLine, double qualityScore, double complexityScore, boolean debugMode, long startMillis,
        long endOffsetMs) {

    /** Sum of the actions' durations: the task's {@code total_duration_ms}. */
    long actionDurationMs() {
        long total = 0;
        for (PlannedAction action : actions) {
            total += action.durationMs();
        }
        return total;
    }
}
