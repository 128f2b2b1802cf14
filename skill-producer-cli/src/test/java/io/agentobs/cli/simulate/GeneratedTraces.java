package io.agentobs.cli.simulate;

import io.agentobs.events.AgentEvent;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.codec.InvalidEventException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Generates traces at a fixed time and decodes them with the strict codec, for tests of the traffic's content. */
final class GeneratedTraces {

    static final Instant NOW = Instant.parse("2025-10-20T18:30:00.123Z");

    private static final EventCodec CODEC = new EventCodec();

    private GeneratedTraces() {
    }

    /** {@code count} traces of a generator seeded with {@code seed} whose clock stands at {@link #NOW}. */
    static List<List<GeneratedEvent>> raw(long seed, int count) {
        TrafficGenerator generator = new TrafficGenerator(seed, Clock.fixed(NOW, ZoneOffset.UTC));
        List<List<GeneratedEvent>> traces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            traces.add(generator.nextTrace());
        }
        return traces;
    }

    /** As {@link #raw}, each event decoded; fails on the first event the codec rejects. */
    static List<List<AgentEvent>> decoded(long seed, int count) throws InvalidEventException {
        List<List<AgentEvent>> traces = new ArrayList<>(count);
        for (List<GeneratedEvent> trace : raw(seed, count)) {
            List<AgentEvent> events = new ArrayList<>(trace.size());
            for (GeneratedEvent event : trace) {
                events.add(CODEC.decode(event.topic(), event.value()));
            }
            traces.add(events);
        }
        return traces;
    }

    /** The events of {@code trace} of type {@code type}, in order. */
    static <T extends AgentEvent> List<T> ofType(List<AgentEvent> trace, Class<T> type) {
        return trace.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
