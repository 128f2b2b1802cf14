package io.agentobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.agentobs.cli.simulate.GeneratedEvent;
import io.agentobs.events.AgentEvent;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;

import org.junit.jupiter.api.Test;

/** The simulated backlogs: whole traces, valid events keyed as the catalog says, one seed per backlog. */
class SimulatedTrafficTest {

    private static final int EVENTS = 5_000;
    /** The largest trace: routing, metric, transformation, 8 actions, task, 2 files, a pattern. */
    private static final int MAX_TRACE_EVENTS = 16;

    private final EventCodec codec = new EventCodec();

    @Test
    void backlogIsWholeTracesUntilAtLeastTheAskedEvents() {
        SimulatedTraffic.Traces traces = SimulatedTraffic.generate(3, EVENTS);

        assertThat(traces.events()).hasSizeBetween(EVENTS, EVENTS + MAX_TRACE_EVENTS - 1);
        Map<Topic, Long> perTopic = traces.events().stream()
                .collect(Collectors.groupingBy(GeneratedEvent::topic, Collectors.counting()));
        // every trace has one routing decision, one router metric and one task execution
        assertThat(perTopic).containsEntry(Topic.AGENT_ROUTING_DECISIONS, (long) traces.traces())
                .containsEntry(Topic.ROUTER_PERFORMANCE_METRICS, (long) traces.traces())
                .containsEntry(Topic.TASK_EXECUTIONS, (long) traces.traces());
        assertThat(perTopic.get(Topic.AGENT_ACTIONS)).isBetween(2L * traces.traces(), 8L * traces.traces());
        assertThat(perTopic).containsOnlyKeys(Topic.values());
        long correlationIds = traces.events().stream().map(event -> decode(event).correlationId()).distinct().count();
        assertThat(correlationIds).isEqualTo(traces.traces());
    }

    @Test
    void everyEventIsValidAndKeyedByItsTopicsKeyField() {
        for (GeneratedEvent event : SimulatedTraffic.generate(3, EVENTS).events()) {
            AgentEvent decoded = decode(event);
            assertThat(decoded.topic()).isEqualTo(event.topic());
            assertThat(event.key()).isNotNull().isEqualTo(event.topic().keyOf(decoded));
        }
    }

    @Test
    void aSeedGivesTheSameBytesAndEachBacklogItsOwnSeed() {
        SimulatedTraffic traffic = new SimulatedTraffic();
        SimulatedTraffic.Traces first = traffic.next(EVENTS);
        SimulatedTraffic.Traces second = traffic.next(EVENTS);

        assertThat(first.seed()).isEqualTo(SimulatedTraffic.FIRST_SEED);
        assertThat(second.seed()).isEqualTo(SimulatedTraffic.FIRST_SEED + 1);
        assertThat(values(SimulatedTraffic.generate(SimulatedTraffic.FIRST_SEED, EVENTS))).isEqualTo(values(first));
        assertThat(values(second)).doesNotContainAnyElementsOf(values(first));
    }

    private AgentEvent decode(GeneratedEvent event) {
        try {
            return codec.decode(event.topic(), event.value());
        } catch (Exception e) {
            throw new AssertionError("invalid " + event.topic() + " event "
                    + new String(event.value(), StandardCharsets.UTF_8), e);
        }
    }

    private static List<String> values(SimulatedTraffic.Traces traces) {
        Function<GeneratedEvent, String> text = event -> new String(event.value(), StandardCharsets.UTF_8);
        return traces.events().stream().map(text).toList();
    }
}
