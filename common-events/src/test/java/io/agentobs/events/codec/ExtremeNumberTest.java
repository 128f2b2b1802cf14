package io.agentobs.events.codec;

import io.agentobs.events.AgentAction;
import io.agentobs.events.InvalidEventCases;
import io.agentobs.events.RoutingDecision;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Numbers beyond what Java types, doubles and the sinks hold are rejected, never turned into Infinity or 0. */
class ExtremeNumberTest {

    private static final Instant NOW = Instant.parse("2025-10-20T18:30:00Z");

    private final EventCodec codec = new EventCodec();

    private static RoutingDecision decision(double confidence, Map<String, Object> metadata) {
        return new RoutingDecision(UUID.randomUUID(), UUID.randomUUID(), null, "agent-performance", confidence,
                List.of(), null, null, null, 45L, NOW, 1, metadata, null);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void handBuiltNonFiniteScoreFailsValidation(double score) {
        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.validate(decision(score, null)));

        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("confidence_score");
            assertThat(error.message()).startsWith("must be a finite number, got number");
        });
    }

    @Test
    void handBuiltNonFiniteFreeFormNumberFailsValidation() {
        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.validate(decision(0.5, Map.of("sample_rate", Double.POSITIVE_INFINITY))));

        assertThat(rejected.errors()).extracting(FieldError::field).containsExactly("metadata.sample_rate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void nonNumericNumberLiteralsAreMalformedJson(String literal) {
        byte[] value = new String(SeedEvents.bytes(Topic.AGENT_ROUTING_DECISIONS), StandardCharsets.UTF_8)
                .replace("\"confidence_score\": 0.92", "\"confidence_score\": " + literal)
                .getBytes(StandardCharsets.UTF_8);

        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(Topic.AGENT_ROUTING_DECISIONS, value));

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.MALFORMED_JSON);
    }

    @Test
    void hugeIntegerInFreeFormDataIsKeptExactly() throws InvalidEventException {
        byte[] value = SeedEvents.withChange(Topic.AGENT_ACTIONS, "action_details.checksum",
                InvalidEventCases.HUGE_INTEGER);

        AgentAction action = (AgentAction) codec.decode(Topic.AGENT_ACTIONS, value);

        assertThat(action.actionDetails()).containsEntry("checksum", new BigInteger(InvalidEventCases.HUGE_INTEGER));
        assertThat(codec.decode(Topic.AGENT_ACTIONS, codec.encode(action))).isEqualTo(action);
    }

    @Test
    void largestAndSmallestDoublesAreAcceptedAsDoubles() throws InvalidEventException {
        byte[] value = SeedEvents.withChange(Topic.AGENT_ACTIONS, "action_details.limits",
                "[1.7976931348623157e308, -4.9e-324, 0.5]");

        AgentAction action = (AgentAction) codec.decode(Topic.AGENT_ACTIONS, value);

        assertThat(action.actionDetails().get("limits")).isEqualTo(List.of(Double.MAX_VALUE, -Double.MIN_VALUE, 0.5));
    }

    @Test
    void integralFloatBeyondLongIsOutOfRangeNotRounded() {
        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(Topic.AGENT_ACTIONS,
                        SeedEvents.withChange(Topic.AGENT_ACTIONS, "duration_ms", "9223372036854775808.0")));

        assertThat(rejected.errors()).singleElement().satisfies(error ->
                assertThat(error.message()).startsWith("must be an integer between"));
    }

    @Test
    void extremeNumberInsideDebeziumStringPayloadIsRejected() {
        String event = new String(SeedEvents.withChange(Topic.AGENT_ACTIONS, "action_details.ratio", "1e-400"),
                StandardCharsets.UTF_8);
        byte[] envelope = ("{\"schema\":{\"type\":\"string\"},\"payload\":"
                + EventJson.mapper().writeValueAsString(event) + "}").getBytes(StandardCharsets.UTF_8);

        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(Topic.AGENT_ACTIONS, envelope));

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.SCHEMA_INVALID);
        assertThat(rejected.errors()).extracting(FieldError::field).containsExactly("action_details.ratio");
    }
}
