package io.agentobs.cli.simulate;

import java.util.List;

/**
 * The simulated router's decision for one request.
 *
 * @param misrouted whether the selected agent is not the scenario's best agent (such runs fail more often)
 */
record RoutingChoice(String selectedAgent, double confidence, List<Alternative> alternatives, String strategy,
        String reasoning, long routingTimeMs, boolean cacheHit, int candidatesEvaluated, boolean misrouted) {

    RoutingChoice {
        alternatives = List.copyOf(alternatives);
    }

    /** An agent the router considered but did not select. */
    record Alternative(String agentName, double confidence, String reason) {
    }
}
