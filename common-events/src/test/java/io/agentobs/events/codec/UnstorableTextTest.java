package io.agentobs.events.codec;

import io.agentobs.events.ActionType;
import io.agentobs.events.AgentAction;
import io.agentobs.events.AgentEvent;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** NUL and lone surrogates, which PostgreSQL text and jsonb reject, are rejected in every string of an event. */
class UnstorableTextTest {

    private static final String NUL_MESSAGE = "contains a NUL character (\\u0000), which storage cannot hold";
    private static final String EMOJI = "\uD83D\uDE00";

    private final EventCodec codec = new EventCodec();

    private InvalidEventException rejection(Topic topic, byte[] value) {
        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(topic, value));
        assertThat(rejected).as("value must be rejected").isNotNull();
        return rejected;
    }

    private static byte[] withJson(Topic topic, String path, String json) {
        return SeedEvents.withChange(topic, path, json);
    }

    @Test
    void nulInTypedFieldIsRejected() {
        InvalidEventException rejected = rejection(Topic.AGENT_ACTIONS,
                withJson(Topic.AGENT_ACTIONS, "action_name", "\"Re\\u0000ad\""));

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.SCHEMA_INVALID);
        assertThat(rejected.errors()).containsExactly(new FieldError("action_name", NUL_MESSAGE));
    }

    @Test
    void nulInFreeFormValueIsRejectedWithItsPath() {
        InvalidEventException rejected = rejection(Topic.AGENT_ACTIONS,
                withJson(Topic.AGENT_ACTIONS, "action_details.note", "\"before\\u0000after\""));

        assertThat(rejected.errors()).containsExactly(new FieldError("action_details.note", NUL_MESSAGE));
        assertThat(rejected.getMessage())
                .isEqualTo("SCHEMA_INVALID: action_details.note: " + NUL_MESSAGE);
    }

    @Test
    void nulInFreeFormKeyIsRejectedAndEscapedInThePath() {
        InvalidEventException rejected = rejection(Topic.AGENT_ROUTING_DECISIONS,
                withJson(Topic.AGENT_ROUTING_DECISIONS, "context.file_context", "[{\"a\\u0000b\": 1}]"));

        assertThat(rejected.errors()).containsExactly(
                new FieldError("context.file_context[0].a\\u0000b", "name " + NUL_MESSAGE));
        assertThat(rejected.getMessage()).doesNotContain("\0");
    }

    @Test
    void loneHighSurrogateIsRejected() {
        InvalidEventException rejected = rejection(Topic.AGENT_ACTIONS,
                withJson(Topic.AGENT_ACTIONS, "metadata.skill_version", "\"1.0\\ud83d\""));

        assertThat(rejected.errors()).containsExactly(new FieldError("metadata.skill_version",
                "contains a lone UTF-16 surrogate (\\uD83D) at character 3, which storage cannot hold"));
    }

    @Test
    void loneLowSurrogateIsRejected() {
        InvalidEventException rejected = rejection(Topic.AGENT_ACTIONS,
                withJson(Topic.AGENT_ACTIONS, "agent_name", "\"\\ude00agent\""));

        assertThat(rejected.errors()).containsExactly(new FieldError("agent_name",
                "contains a lone UTF-16 surrogate (\\uDE00) at character 0, which storage cannot hold"));
    }

    @Test
    void reversedSurrogatePairIsTwoLoneSurrogates() {
        InvalidEventException rejected = rejection(Topic.AGENT_ACTIONS,
                withJson(Topic.AGENT_ACTIONS, "action_details.face", "\"\\ude00\\ud83d\""));

        assertThat(rejected.errors()).singleElement().satisfies(error ->
                assertThat(error.message()).contains("(\\uDE00) at character 0"));
    }

    @Test
    void validSurrogatePairPassesRawOrEscapedInValuesAndKeys() throws InvalidEventException {
        ObjectNode event = SeedEvents.tree(Topic.AGENT_ACTIONS);
        event.put("agent_name", "agent-" + EMOJI);
        ((ObjectNode) event.get("action_details")).put("mood" + EMOJI, EMOJI);
        event.put("host" + EMOJI, EMOJI);
        String json = EventJson.mapper().writeValueAsString(event);
        String escaped = json.replace(EMOJI, "\\uD83D\\uDE00");

        AgentAction raw = (AgentAction) codec.decode(Topic.AGENT_ACTIONS, json.getBytes(StandardCharsets.UTF_8));
        AgentEvent fromEscapes = codec.decode(Topic.AGENT_ACTIONS, escaped.getBytes(StandardCharsets.UTF_8));

        assertThat(escaped).doesNotContain(EMOJI);
        assertThat(raw.agentName()).isEqualTo("agent-" + EMOJI);
        assertThat(raw.actionDetails()).containsEntry("mood" + EMOJI, EMOJI);
        assertThat(raw.extraFields()).containsEntry("host" + EMOJI, EMOJI);
        assertThat(fromEscapes).isEqualTo(raw);
        assertThat(codec.decode(Topic.AGENT_ACTIONS, codec.encode(raw))).isEqualTo(raw);
    }

    @Test
    void unknownTopLevelFieldIsChecked() {
        InvalidEventException rejected = rejection(Topic.AGENT_ACTIONS,
                withJson(Topic.AGENT_ACTIONS, "agent_host", "{\"tags\": [\"ok\", \"bad\\u0000\"]}"));

        assertThat(rejected.errors()).containsExactly(new FieldError("agent_host.tags[1]", NUL_MESSAGE));
    }

    @Test
    void everyUnstorableStringIsReportedInDocumentOrder() {
        ObjectNode event = SeedEvents.tree(Topic.AGENT_ACTIONS);
        event.put("agent_name", "a\0");
        ((ObjectNode) event.get("action_details")).put("file_path", "\uD800");
        event.put("zz_unknown", "\0");

        InvalidEventException rejected = rejection(Topic.AGENT_ACTIONS, EventJson.mapper().writeValueAsBytes(event));

        assertThat(rejected.errors()).extracting(FieldError::field)
                .containsExactly("agent_name", "action_details.file_path", "zz_unknown");
    }

    @Test
    void loneSurrogateInPropertyNameIsRejectedAsMalformedByTheParser() {
        byte[] value = withJson(Topic.AGENT_ACTIONS, "action_details.name", "1");
        String json = new String(value, StandardCharsets.UTF_8).replace("\"name\"", "\"na\\udc00me\"");

        InvalidEventException rejected = rejection(Topic.AGENT_ACTIONS, json.getBytes(StandardCharsets.UTF_8));

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.MALFORMED_JSON);
        assertThat(rejected.getMessage()).contains("surrogate");
    }

    @Test
    void loneSurrogateInPropertyNameInsideDebeziumStringPayloadIsSchemaInvalid() {
        String event = new String(withJson(Topic.AGENT_ACTIONS, "action_details.name", "1"), StandardCharsets.UTF_8)
                .replace("\"name\"", "\"na\\udc00me\"");
        String envelope = "{\"schema\":{\"type\":\"string\"},\"payload\":"
                + EventJson.mapper().writeValueAsString(event) + "}";

        InvalidEventException rejected = rejection(Topic.AGENT_ACTIONS, envelope.getBytes(StandardCharsets.UTF_8));

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.SCHEMA_INVALID);
        assertThat(rejected.errors()).containsExactly(new FieldError("action_details.na\\uDC00me",
                "name contains a lone UTF-16 surrogate (\\uDC00) at character 2, which storage cannot hold"));
    }

    @Test
    void handBuiltEventWithUnstorableTextFailsValidation() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("producer\0", "cli");
        metadata.put("host", "\uDBFF");
        AgentEvent action = new AgentAction(UUID.randomUUID(), UUID.randomUUID(), "agent", ActionType.DECISION,
                "route", null, null, null, Instant.parse("2025-10-20T18:30:00Z"), 1, metadata, null);

        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.validate(action));

        assertThat(rejected.errors()).extracting(FieldError::toString).containsExactly(
                "metadata.producer\\u0000: name " + NUL_MESSAGE,
                "metadata.host: contains a lone UTF-16 surrogate (\\uDBFF) at character 0, which storage cannot hold");
    }
}
