package io.agentobs.cli.simulate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Produces correlated traces of agent activity, deterministic for a seed. Not thread-safe.
 *
 * <p>Each trace is one user request handled end to end, all its events sharing a {@code correlation_id}, in causal
 * order: the routing decision and its router metric, sometimes a transformation, 2-8 agent actions, the task
 * execution, quality metrics of the files it changed, and occasionally a failure or success pattern. Requests come
 * in sessions, so the router's {@code previous_agent} context is the agent of the session's previous request.
 * A trace's timestamps advance by its simulated durations and end at most two seconds after the clock's time;
 * longer traces are placed in the past rather than in the future.
 */
public final class TrafficGenerator {

    private static final double NEW_SESSION_RATE = 0.2;
    /** Enough for the largest trace: routing, metric, transformation, 8 actions, task, 2 files, a pattern. */
    private static final int MAX_TRACE_EVENTS = 16;

    private final Clock clock;
    private final RandomSource random;
    private final TracePlanner planner;
    private final RoutingEncoder routingEncoder;
    private final ActionEncoder actionEncoder;
    private final TaskExecutionEncoder taskEncoder;
    private final CodeQualityEncoder qualityEncoder;
    private final PatternEncoder patternEncoder;
    private String sessionId;
    private String previousAgent;

    public TrafficGenerator(long seed, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = new RandomSource(seed);
        this.planner = new TracePlanner(random);
        JsonWriter json = new JsonWriter();
        this.routingEncoder = new RoutingEncoder(json, random);
        this.actionEncoder = new ActionEncoder(json, random);
        this.taskEncoder = new TaskExecutionEncoder(json, random);
        this.qualityEncoder = new CodeQualityEncoder(json, random);
        this.patternEncoder = new PatternEncoder(json, random);
        startSession();
    }

    /** One trace (one user request handled end to end), all events sharing a correlation_id, in causal order. */
    public List<GeneratedEvent> nextTrace() {
        if (random.chance(NEW_SESSION_RATE)) {
            startSession();
        }
        TracePlan plan = planner.plan(sessionId, previousAgent, clock.millis());
        previousAgent = plan.actingAgent();
        List<GeneratedEvent> events = new ArrayList<>(MAX_TRACE_EVENTS);
        routingEncoder.write(plan, events);
        actionEncoder.write(plan, events);
        events.add(taskEncoder.write(plan));
        qualityEncoder.write(plan, events);
        patternEncoder.write(plan, events);
        return events;
    }

    private void startSession() {
        sessionId = random.uuid();
        previousAgent = Agents.POLYMORPHIC;
    }
}
