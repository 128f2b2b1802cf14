package io.agentobs.metrics.api;

import java.util.List;

/**
 * The agents with the most events or errors over a range.
 *
 * @param range the range and windows read
 * @param by {@code volume} or {@code errors}
 * @param n the most agents listed
 * @param agents highest first, ties by name
 */
public record TopAgentsResponse(RangeView range, String by, int n, List<TopAgent> agents) {

    /**
     * One listed agent.
     *
     * @param rank 1 for the highest
     * @param agent the agent's name
     * @param events actions and task executions
     * @param errors actions with action_type error and tasks with success false
     * @param errorRate errors / events
     */
    public record TopAgent(int rank, String agent, long events, long errors, Double errorRate) {
    }
}
