package io.agentobs.metrics.api;

import java.util.Map;

/**
 * One agent over a range: its agent-actions and task-executions together, and the percentiles of their durations.
 *
 * @param range the range and windows read
 * @param agent the agent's name
 * @param events actions and task executions
 * @param errors actions with action_type error and tasks with success false
 * @param successes actions with action_type success and tasks with success true
 * @param errorRate errors / events; null without events
 * @param successRate successes / events; null without events
 * @param latencies the agent's {@code action_ms} (agent-actions duration_ms) and {@code task_ms} (task-executions
 *     total_duration_ms): values and p50, p95, p99 in ms
 */
public record AgentResponse(RangeView range, String agent, long events, long errors, long successes, Double errorRate,
                            Double successRate, Map<String, SummaryResponse.LatencyStats> latencies) {
}
