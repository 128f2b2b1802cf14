package io.agentobs.cli.simulate;

import io.agentobs.events.ActionType;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples one trace: scenario, routing, an optional transformation, 2-8 actions with per-tool latencies, whether an
 * action fails (more often after a misroute or a failed transformation) and whether the agent recovers from it.
 */
final class TracePlanner {

    private static final int MAX_ACTIONS = 8;
    private static final double TRANSFORMATION_RATE = 0.4;
    private static final double TRANSFORMATION_FAILURE_RATE = 0.05;
    private static final double BASE_ERROR_RATE = 0.06;
    private static final double MISROUTED_ERROR_RATE = 0.2;
    private static final double UNTRANSFORMED_ERROR_RATE = 0.35;
    private static final double RECOVERY_RATE = 0.3;
    private static final double OPTIONAL_STEP_RATE = 0.55;
    private static final double ANNOUNCED_ROUTING_RATE = 0.5;
    private static final double PLANNING_DECISION_RATE = 0.35;
    private static final double TESTING_HANDOFF_RATE = 0.3;
    private static final double FAILING_COMMAND_PREFERENCE = 0.5;
    private static final double DEBUG_MODE_RATE = 0.1;
    private static final long MAX_DECISION_MS = 60_000;
    /** How far past the clock a trace may end: longer traces are shifted back so that they end by then. */
    private static final long MAX_LEAD_MS = 2_000;

    private final RandomSource random;
    private final SimulatedRouter router;

    TracePlanner(RandomSource random) {
        this.random = random;
        this.router = new SimulatedRouter(random);
    }

    /** A trace of a request in {@code sessionId}, timed to end close to {@code nowMillis}. */
    TracePlan plan(String sessionId, String previousAgent, long nowMillis) {
        String correlationId = random.uuid();
        Scenario scenario = ScenarioCatalog.pick(random);
        String prompt = random.pick(scenario.prompts());
        RoutingChoice routing = router.route(scenario);
        long offset = routing.routingTimeMs();

        Transformation transformation = null;
        String acting = routing.selectedAgent();
        if (random.chance(TRANSFORMATION_RATE)) {
            long duration = random.logNormal(45, 0.5, 10_000);
            offset += duration;
            boolean transformed = !random.chance(TRANSFORMATION_FAILURE_RATE);
            transformation = new Transformation(routing.selectedAgent(), duration, transformed, offset);
            if (!transformed) {
                acting = Agents.POLYMORPHIC;
            }
        }
        List<WorkflowStep> steps = sampleSteps(scenario);
        List<String> chain = agentChain(transformation, acting, steps);

        List<PlannedAction> actions = new ArrayList<>(MAX_ACTIONS);
        if (transformation != null && transformation.success() && random.chance(ANNOUNCED_ROUTING_RATE)) {
            offset = addAction(actions, ActionType.DECISION, Agents.POLYMORPHIC, "route_to_agent", null, null,
                    random.logNormal(15, 0.6, MAX_DECISION_MS), offset);
        }
        if (random.chance(PLANNING_DECISION_RATE)) {
            offset = addAction(actions, ActionType.DECISION, acting, "plan_approach", null, null,
                    random.logNormal(400, 0.8, MAX_DECISION_MS), offset);
        }

        double errorRate = transformation != null && !transformation.success() ? UNTRANSFORMED_ERROR_RATE
                : routing.misrouted() ? MISROUTED_ERROR_RATE : BASE_ERROR_RATE;
        boolean hasError = random.chance(errorRate);
        boolean recovers = hasError && random.chance(RECOVERY_RATE);
        int toolBudget = MAX_ACTIONS - actions.size() - 1 - (recovers ? 1 : 0);
        trim(steps, toolBudget);
        int errorStep = hasError ? failingStep(steps, recovers) : -1;

        FailureMode failure = null;
        int failedActionIndex = -1;
        CodeFile failedFile = null;
        for (int i = 0; i < steps.size(); i++) {
            WorkflowStep step = steps.get(i);
            String agent = chain.contains(Agents.TESTING) && isTestingStep(step) ? Agents.TESTING : acting;
            CodeFile file = fileFor(step.tool(), scenario);
            if (i == errorStep) {
                failure = FailureCatalog.pick(step.tool(), random);
                failedActionIndex = actions.size();
                failedFile = file != null ? file : random.pick(scenario.files());
                long duration = failure.fixedDurationMs() > 0 ? failure.fixedDurationMs()
                        : step.tool().sampleDurationMs(random);
                offset = addAction(actions, ActionType.ERROR, agent, step.tool().actionName(), step, file, duration,
                        offset);
                if (!recovers) {
                    break;
                }
            }
            offset = addAction(actions, ActionType.TOOL_CALL, agent, step.tool().actionName(), step, file,
                    step.tool().sampleDurationMs(random), offset);
        }
        boolean success = !hasError || recovers;
        if (success) {
            offset = addAction(actions, ActionType.SUCCESS, acting, "task_complete", null, null,
                    random.logNormal(8, 0.5, 1_000), offset);
        }

        double quality = success
                ? random.clampedGaussian(0.87 - (recovers ? 0.05 : 0) - (routing.misrouted() ? 0.06 : 0), 0.06,
                        0.5, 0.99)
                : random.between(0.1, 0.5);
        double complexity = random.clampedGaussian(scenario.complexity(), 0.08, 0.05, 0.98);
        long startMillis = nowMillis - Math.max(0, offset - MAX_LEAD_MS);
        return new TracePlan(correlationId, sessionId, previousAgent, scenario, prompt, routing, transformation,
                acting, chain, actions, success, failure, failedActionIndex, failedFile,
                random.between(12, 480), quality, complexity, random.chance(DEBUG_MODE_RATE), startMillis, offset);
    }

    /** The required steps and some of the optional ones, in workflow order. */
    private List<WorkflowStep> sampleSteps(Scenario scenario) {
        List<WorkflowStep> steps = new ArrayList<>(scenario.workflow().size());
        for (WorkflowStep step : scenario.workflow()) {
            if (!step.optional() || random.chance(OPTIONAL_STEP_RATE)) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** Drops optional steps, last first, then trailing steps, until at most {@code budget} remain. */
    private static void trim(List<WorkflowStep> steps, int budget) {
        for (int i = steps.size() - 1; i >= 0 && steps.size() > budget; i--) {
            if (steps.get(i).optional()) {
                steps.remove(i);
            }
        }
        while (steps.size() > budget) {
            steps.remove(steps.size() - 1);
        }
    }

    /**
     * Index of the step that fails; commands (builds, tests) fail more often than other tools. A failure that ends
     * the trace comes after at least one completed step.
     */
    private int failingStep(List<WorkflowStep> steps, boolean recovers) {
        int first = recovers ? 0 : 1;
        if (random.chance(FAILING_COMMAND_PREFERENCE)) {
            for (int i = steps.size() - 1; i >= first; i--) {
                if (steps.get(i).tool() == Tool.BASH) {
                    return i;
                }
            }
        }
        return random.between(first, steps.size() - 1);
    }

    private List<String> agentChain(Transformation transformation, String acting, List<WorkflowStep> steps) {
        List<String> chain = new ArrayList<>(3);
        if (transformation != null) {
            chain.add(Agents.POLYMORPHIC);
        }
        if (!chain.contains(acting)) {
            chain.add(acting);
        }
        if (!acting.equals(Agents.TESTING) && !acting.equals(Agents.POLYMORPHIC)
                && steps.stream().anyMatch(TracePlanner::isTestingStep) && random.chance(TESTING_HANDOFF_RATE)) {
            chain.add(Agents.TESTING);
        }
        return chain;
    }

    private static boolean isTestingStep(WorkflowStep step) {
        return switch (step.name()) {
            case "run_tests", "verify_fix", "coverage" -> true;
            default -> false;
        };
    }

    private CodeFile fileFor(Tool tool, Scenario scenario) {
        return switch (tool) {
            case READ, WRITE, EDIT, GREP -> random.pick(scenario.files());
            default -> null;
        };
    }

    private static long addAction(List<PlannedAction> actions, ActionType type, String agent, String name,
            WorkflowStep step, CodeFile file, long durationMs, long offset) {
        long end = offset + durationMs;
        actions.add(new PlannedAction(type, agent, name, step, file, durationMs, end));
        return end;
    }
}
