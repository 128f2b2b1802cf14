package io.agentobs.bench;

import java.time.Instant;
import java.util.UUID;

import io.agentobs.events.AgentAction;
import io.agentobs.events.TaskExecution;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke test: every codec benchmark method runs once and does what its name says. */
class CodecBenchmarkTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyBenchmarkMethodRunsOnce() throws Exception {
        CodecBenchmark benchmark = new CodecBenchmark();
        benchmark.setUp();

        assertThat(benchmark.decodeAgentAction()).isInstanceOf(AgentAction.class);
        TaskExecution task = (TaskExecution) benchmark.decodeTaskExecution();
        assertThat(task.steps()).hasSize(2);
        assertThat(benchmark.parseAgentAction().get("action_name").asString()).isEqualTo("Read");
        assertThat(benchmark.parseTaskExecution().get("steps").size()).isEqualTo(2);
        assertThat(codec.decode(Topic.AGENT_ACTIONS, benchmark.encodeAgentAction()))
                .isEqualTo(benchmark.decodeAgentAction());
        assertThat(codec.decode(Topic.TASK_EXECUTIONS, benchmark.encodeTaskExecution())).isEqualTo(task);
        assertThat(benchmark.writeTreeAgentAction()).isNotEmpty();
        assertThat(benchmark.writeTreeTaskExecution()).isNotEmpty();
    }

    @Test
    void producedEventsAreValid() throws Exception {
        UUID eventId = UUID.randomUUID();
        AgentAction action = (AgentAction) codec.decode(Topic.AGENT_ACTIONS,
                BenchEvents.agentAction(eventId, UUID.randomUUID(), Instant.now()));
        assertThat(action.eventId()).isEqualTo(eventId);
    }
}
