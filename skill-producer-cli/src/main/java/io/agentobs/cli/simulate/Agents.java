package io.agentobs.cli.simulate;

import java.util.List;

/** The fixed pool of named agents that simulated traffic routes between. */
final class Agents {

    /** The router, and the agent that transforms into a specialist (seed 001's "Polly"). */
    static final String POLYMORPHIC = "polymorphic-agent";
    /** Joins agent chains to run tests for other agents. */
    static final String TESTING = "agent-testing";

    static final List<String> SPECIALISTS = List.of(
            "agent-api-architect",
            "agent-debug",
            "agent-code-reviewer",
            "agent-performance",
            "agent-database",
            TESTING,
            "agent-frontend",
            "agent-devops",
            "agent-security",
            "agent-documentation",
            "agent-refactoring",
            "agent-research");

    private Agents() {
    }
}
