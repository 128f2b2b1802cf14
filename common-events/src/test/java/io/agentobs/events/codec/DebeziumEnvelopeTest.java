package io.agentobs.events.codec;

import io.agentobs.events.AgentEvent;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DebeziumEnvelopeTest {

    private static final String SCHEMA = "{\"type\":\"string\",\"optional\":false,"
            + "\"name\":\"io.debezium.data.Json\",\"version\":1}";

    private final EventCodec codec = new EventCodec();

    private AgentEvent plain(Topic topic) throws InvalidEventException {
        return codec.decode(topic, SeedEvents.bytes(topic));
    }

    private static byte[] envelope(String payloadJson) {
        return ("{\"schema\":" + SCHEMA + ",\"payload\":" + payloadJson + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void payloadAsJsonStringIsUnwrapped() throws InvalidEventException {
        String event = new String(SeedEvents.bytes(Topic.TASK_EXECUTIONS), StandardCharsets.UTF_8);
        String quoted = EventJson.mapper().writeValueAsString(event);

        assertThat(codec.decode(Topic.TASK_EXECUTIONS, envelope(quoted))).isEqualTo(plain(Topic.TASK_EXECUTIONS));
    }

    @Test
    void payloadAsObjectIsUnwrapped() throws InvalidEventException {
        String event = new String(SeedEvents.bytes(Topic.AGENT_ACTIONS), StandardCharsets.UTF_8);

        assertThat(codec.decode(Topic.AGENT_ACTIONS, envelope(event))).isEqualTo(plain(Topic.AGENT_ACTIONS));
    }

    @Test
    void invalidEventInsideEnvelopeNamesTheEventField() {
        String event = new String(SeedEvents.withChange(Topic.AGENT_ROUTING_DECISIONS, "confidence_score", "3"),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(Topic.AGENT_ROUTING_DECISIONS, envelope(event)))
                .isInstanceOfSatisfying(InvalidEventException.class, rejected -> {
                    assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.SCHEMA_INVALID);
                    assertThat(rejected.errors()).extracting(FieldError::field).containsExactly("confidence_score");
                });
    }

    @Test
    void payloadStringThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> codec.decode(Topic.AGENT_ACTIONS, envelope("\"{not json\"")))
                .isInstanceOfSatisfying(InvalidEventException.class, rejected -> {
                    assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.MALFORMED_JSON);
                    assertThat(rejected.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("payload");
                        assertThat(error.message()).contains("Debezium payload string is not JSON").contains("line 1");
                    });
                });
    }

    @Test
    void payloadOfAnotherJsonTypeIsSchemaInvalid() {
        assertThatThrownBy(() -> codec.decode(Topic.AGENT_ACTIONS, envelope("[1, 2]")))
                .isInstanceOfSatisfying(InvalidEventException.class, rejected -> {
                    assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.SCHEMA_INVALID);
                    assertThat(rejected.errors()).singleElement()
                            .isEqualTo(new FieldError("payload",
                                    "Debezium payload must be a JSON object or a string holding one, got array"));
                });
    }

    @Test
    void eventWithEventIdIsNeverTreatedAsEnvelope() throws InvalidEventException {
        ObjectNode event = SeedEvents.tree(Topic.AGENT_ACTIONS);
        event.putObject("schema").put("type", "struct");
        event.put("payload", "opaque");

        AgentEvent decoded = codec.decode(Topic.AGENT_ACTIONS, EventJson.mapper().writeValueAsBytes(event));

        assertThat(decoded.extraFields()).containsKeys("schema", "payload");
    }
}
