package io.agentobs.events.codec;

import io.agentobs.events.AgentEvent;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaVersionTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void absentSchemaVersionMeansVersionOne() throws InvalidEventException {
        AgentEvent event = codec.decode(Topic.AGENT_ACTIONS, SeedEvents.bytes(Topic.AGENT_ACTIONS));

        assertThat(event.schemaVersion()).isEqualTo(AgentEvent.CURRENT_SCHEMA_VERSION).isEqualTo(1);
        assertThat(codec.toJson(event)).contains("\"schema_version\":1");
    }

    @Test
    void nullSchemaVersionMeansVersionOne() throws InvalidEventException {
        AgentEvent event = codec.decode(Topic.AGENT_ACTIONS,
                SeedEvents.withChange(Topic.AGENT_ACTIONS, "schema_version", "null"));

        assertThat(event.schemaVersion()).isEqualTo(1);
    }

    @Test
    void schemaVersionHigherThanKnownIsAcceptedWhenFieldsValidate() throws InvalidEventException {
        ObjectNode future = SeedEvents.tree(Topic.TASK_EXECUTIONS);
        future.put("schema_version", 7);
        future.putObject("cost").put("usd", 0.42);

        AgentEvent event = codec.decode(Topic.TASK_EXECUTIONS, EventJson.mapper().writeValueAsBytes(future));

        assertThat(event.schemaVersion()).isEqualTo(7);
        assertThat(event.extraFields()).containsKey("cost");
        assertThat(codec.decode(Topic.TASK_EXECUTIONS, codec.encode(event)).schemaVersion()).isEqualTo(7);
    }

    @Test
    void integralFloatIsAnInteger() throws InvalidEventException {
        AgentEvent event = codec.decode(Topic.AGENT_ACTIONS,
                SeedEvents.withChange(Topic.AGENT_ACTIONS, "schema_version", "2.0"));

        assertThat(event.schemaVersion()).isEqualTo(2);
    }
}
