package io.agentobs.metrics.api;



/**
 * One agent over a range: its agent-actions and task-executions together. Durations are not stored per agent, so
 * there are no percentiles here.
 *
 * @param range the range and windows read
 * @param agent the agent's name
 * @param events actions and task executions
 * @param errors actions with action_type error and tasks with success false
 * @param successes actions with action_type success and tasks with success true
 * @param errorRate errors / events; null without events
 * @param successRate successes / events; null without events
 */
public record AgentResponse(RangeView range, String agent, long events, long errors, long successes, Double errorRate,
                            Double successRate) {
}
