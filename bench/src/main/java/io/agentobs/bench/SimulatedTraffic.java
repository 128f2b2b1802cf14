package io.agentobs.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.agentobs.cli.simulate.GeneratedEvent;
import io.agentobs.cli.simulate.TrafficGenerator;

/**
 * Backlogs of simulated traffic: whole traces of the producer CLI's {@link TrafficGenerator}, the events
 * {@code agentobs simulate} sends (routing decision, router metric, sometimes a transformation, 2-8 actions, the task
 * execution, code-quality metrics, sometimes a pattern, all sharing a correlation id), over all eight topics.
 *
 * <p>Each backlog comes from a generator of its own seed, {@value #FIRST_SEED} for the first and one more for each
 * next one, so warm backlogs differ from the first. The generator runs on a fixed clock ({@link #CLOCK_TIME}): every
 * trace ends within two seconds after it, and a seed gives the same events, byte for byte, on every run.
 */
final class SimulatedTraffic {

    static final long FIRST_SEED = 1;
    /** The fixed clock's time: the traces end within two seconds after it, longer ones start before it. */
    static final Instant CLOCK_TIME = Instant.parse("2026-11-24T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(CLOCK_TIME, ZoneOffset.UTC);

    /**
     * The events of one backlog, in the order the traces produced them.
     *
     * @param seed   the generator's seed
     * @param traces whole traces generated
     * @param events their events, at least as many as asked for
     */
    record Traces(long seed, int traces, List<GeneratedEvent> events) {

        Traces {
            events = List.copyOf(events);
        }
    }

    private long nextSeed = FIRST_SEED;

    /** The next backlog: whole traces of a generator with the next seed, until at least {@code events} events. */
    Traces next(int events) {
        return generate(nextSeed++, events);
    }

    /** Whole traces of a generator with {@code seed} until there are at least {@code events} events. */
    static Traces generate(long seed, int events) {
        if (events < 1) {
            throw new IllegalArgumentException("events must be positive, was " + events);
        }
        TrafficGenerator generator = new TrafficGenerator(seed, CLOCK);
        List<GeneratedEvent> generated = new ArrayList<>(events + 16);
        int traces = 0;
        while (generated.size() < events) {
            generated.addAll(generator.nextTrace());
            traces++;
        }
        return new Traces(seed, traces, generated);
    }
}
