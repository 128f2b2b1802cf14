package io.agentobs.cli.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the agent for a request the way the agent router does: usually the scenario's best agent with high
 * confidence, sometimes a related agent with lower confidence; cache hits answer in a few milliseconds.
 */
final class SimulatedRouter {

    private static final double EXPLICIT_REQUEST_RATE = 0.05;
    private static final double MISROUTE_RATE = 0.08;
    private static final double CACHE_HIT_RATE = 0.45;
    private static final int MAX_ALTERNATIVES = 3;
    private static final long MAX_ROUTING_MS = 5_000;
    private static final String[] STRATEGIES = {"enhanced_fuzzy_matching", "capability_match", "semantic_similarity"};
    private static final double[] STRATEGY_WEIGHTS = {0.6, 0.85, 1.0};

    private final RandomSource random;

    SimulatedRouter(RandomSource random) {
        this.random = random;
    }

    RoutingChoice route(Scenario scenario) {
        boolean cacheHit = random.chance(CACHE_HIT_RATE);
        long routingTimeMs = cacheHit ? random.logNormal(3, 0.5, MAX_ROUTING_MS)
                : random.logNormal(38, 0.7, MAX_ROUTING_MS);
        if (random.chance(EXPLICIT_REQUEST_RATE)) {
            return new RoutingChoice(scenario.agent(), 1.0, List.of(), "explicit_agent_request",
                    "User asked for " + scenario.agent() + " by name", Math.min(routingTimeMs, 5), cacheHit, 1,
                    false);
        }
        boolean misrouted = random.chance(MISROUTE_RATE);
        String selected = misrouted ? random.pick(scenario.relatedAgents()) : scenario.agent();
        double u = random.unit();
        double confidence = misrouted ? random.between(0.42, 0.72) : 0.99 - 0.45 * u * u;
        List<RoutingChoice.Alternative> alternatives = alternatives(scenario, selected, confidence, misrouted);
        String strategy = STRATEGIES[random.weightedIndex(STRATEGY_WEIGHTS)];
        int candidates = alternatives.size() + 1 + (cacheHit ? 0 : random.between(2, 9));
        return new RoutingChoice(selected, confidence, alternatives, strategy, reasoning(scenario, confidence),
                routingTimeMs, cacheHit, candidates, misrouted);
    }

    /** 0-3 runners-up, best first, each scoring below the selected agent; the best agent is one if misrouted. */
    private List<RoutingChoice.Alternative> alternatives(Scenario scenario, String selected, double confidence,
            boolean misrouted) {
        int wanted = misrouted ? random.between(1, MAX_ALTERNATIVES) : random.between(0, MAX_ALTERNATIVES);
        List<RoutingChoice.Alternative> alternatives = new ArrayList<>(wanted);
        double ceiling = confidence;
        if (misrouted) {
            ceiling = Math.max(0, confidence - random.between(0.01, 0.06));
            alternatives.add(new RoutingChoice.Alternative(scenario.agent(), ceiling,
                    "Strong trigger match on '" + scenario.triggers().get(0) + "'"));
        }
        List<String> candidates = scenario.relatedAgents();
        for (int i = 0; alternatives.size() < wanted; i++) {
            String agent = i < candidates.size() ? candidates.get(i) : random.pick(Agents.SPECIALISTS);
            if (agent.equals(selected) || contains(alternatives, agent)) {
                continue;
            }
            ceiling *= random.between(0.6, 0.97);
            alternatives.add(new RoutingChoice.Alternative(agent, ceiling, reason(scenario, i)));
        }
        return alternatives;
    }

    private String reason(Scenario scenario, int rank) {
        return switch (random.between(0, 3) + Math.min(rank, 1)) {
            case 0 -> "Partial trigger match on '" + random.pick(scenario.triggers()) + "'";
            case 1 -> "Domain overlap: " + scenario.domain();
            case 2 -> "Historical success on similar " + scenario.taskType() + " tasks";
            default -> "General " + scenario.domain() + " capability";
        };
    }

    private static String reasoning(Scenario scenario, double confidence) {
        List<String> triggers = scenario.triggers();
        if (confidence >= 0.8) {
            return "High confidence match on '" + triggers.get(0) + "' and '" + triggers.get(1) + "' triggers";
        }
        if (confidence >= 0.65) {
            return "Matched the '" + triggers.get(0) + "' trigger in " + scenario.domain() + " context";
        }
        return "Weak trigger matches only; selected the best of " + scenario.domain() + " candidates";
    }

    private static boolean contains(List<RoutingChoice.Alternative> alternatives, String agent) {
        for (RoutingChoice.Alternative alternative : alternatives) {
            if (alternative.agentName().equals(agent)) {
                return true;
            }
        }
        return false;
    }
}
