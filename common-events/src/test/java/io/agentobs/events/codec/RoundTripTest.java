package io.agentobs.events.codec;

import io.agentobs.events.AgentEvent;
import io.agentobs.events.RoutingDecision;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.TaskExecution;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(Topic.class)
    void decodeOfEncodeEqualsTheEvent(Topic topic) throws InvalidEventException {
        AgentEvent event = codec.decode(topic, SeedEvents.bytes(topic));

        assertThat(codec.decode(topic, codec.encode(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void encodedJsonHasTheSeedsFieldsAndValues(Topic topic) throws InvalidEventException {
        ObjectNode seed = SeedEvents.tree(topic);
        JsonNode written = EventJson.mapper().readTree(codec.toJson(codec.decode(topic, SeedEvents.bytes(topic))));

        seed.put("schema_version", 1);
        assertThat(written).isEqualTo(seed);
    }

    @Test
    void unknownTopLevelFieldsAreKeptAndWrittenBack() throws InvalidEventException {
        ObjectNode seed = SeedEvents.tree(Topic.AGENT_ACTIONS);
        seed.put("agent_host", "worker-7");
        seed.putObject("trace").put("span_id", "a1b2").putNull("parent");
        seed.putNull("reserved_for_v2");

        AgentEvent event = codec.decode(Topic.AGENT_ACTIONS, EventJson.mapper().writeValueAsBytes(seed));

        assertThat(event.extraFields()).containsEntry("agent_host", "worker-7")
                .containsKey("trace")
                .containsEntry("reserved_for_v2", null);
        JsonNode written = EventJson.mapper().readTree(codec.encode(event));
        assertThat(written.get("agent_host").stringValue()).isEqualTo("worker-7");
        assertThat(written.get("trace")).isEqualTo(seed.get("trace"));
        assertThat(written.has("reserved_for_v2")).isTrue();
        assertThat(written.has("extraFields")).isFalse();
        assertThat(codec.decode(Topic.AGENT_ACTIONS, codec.encode(event))).isEqualTo(event);
    }

    @Test
    void unknownFieldNamedLikeTheCatchAllComponentIsKept() throws InvalidEventException {
        ObjectNode seed = SeedEvents.tree(Topic.TASK_EXECUTIONS);
        seed.putObject("extraFields").put("origin", "top");
        ((ObjectNode) seed.get("steps").get(0)).put("extraFields", 7);

        TaskExecution task = (TaskExecution) codec.decode(Topic.TASK_EXECUTIONS,
                EventJson.mapper().writeValueAsBytes(seed));

        assertThat(task.extraFields()).isEqualTo(Map.of("extraFields", Map.of("origin", "top")));
        assertThat(task.steps().get(0).extraFields()).isEqualTo(Map.of("extraFields", 7));
        JsonNode written = EventJson.mapper().readTree(codec.encode(task));
        assertThat(written.get("extraFields")).isEqualTo(seed.get("extraFields"));
        assertThat(written.get("steps").get(0).get("extraFields").intValue()).isEqualTo(7);
        assertThat(codec.decode(Topic.TASK_EXECUTIONS, codec.encode(task))).isEqualTo(task);
    }

    @Test
    void unknownFieldsOfNestedRecordsAreKept() throws InvalidEventException {
        ObjectNode seed = SeedEvents.tree(Topic.AGENT_ROUTING_DECISIONS);
        ((ObjectNode) seed.get("alternatives").get(0)).put("rank", 2);

        RoutingDecision decision = (RoutingDecision) codec.decode(Topic.AGENT_ROUTING_DECISIONS,
                EventJson.mapper().writeValueAsBytes(seed));

        assertThat(decision.alternatives().get(0).extraFields()).isEqualTo(Map.of("rank", 2));
        assertThat(EventJson.mapper().readTree(codec.encode(decision)).get("alternatives").get(0).get("rank").intValue())
                .isEqualTo(2);
    }

    @Test
    void stepFilesSurviveARoundTrip() throws InvalidEventException {
        TaskExecution task = (TaskExecution) codec.decode(Topic.TASK_EXECUTIONS,
                SeedEvents.bytes(Topic.TASK_EXECUTIONS));

        TaskExecution again = (TaskExecution) codec.decode(Topic.TASK_EXECUTIONS, codec.encode(task));

        assertThat(again.steps().get(1).extraFields()).containsEntry("files", List.of("api/users.py"));
        assertThat(again).isEqualTo(task);
    }

    @Test
    void absentOptionalFieldsStayAbsent() throws InvalidEventException {
        AgentEvent event = codec.decode(Topic.AGENT_ACTIONS, SeedEvents.bytes(SeedEvents.AGENT_ACTIONS_SEED_000));

        JsonNode written = EventJson.mapper().readTree(codec.encode(event));

        assertThat(written.has("metadata")).isFalse();
        assertThat(written.propertyNames()).doesNotContainNull();
    }

    @Test
    void actionTypeIsWrittenLowercase() throws InvalidEventException {
        AgentEvent event = codec.decode(Topic.AGENT_ACTIONS, SeedEvents.bytes(Topic.AGENT_ACTIONS));

        assertThat(codec.toJson(event)).contains("\"action_type\":\"tool_call\"");
    }
}
