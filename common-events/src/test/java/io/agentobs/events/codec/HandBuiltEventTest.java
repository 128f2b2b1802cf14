package io.agentobs.events.codec;

import io.agentobs.events.ActionType;
import io.agentobs.events.AgentAction;
import io.agentobs.events.AgentEvent;
import io.agentobs.events.RoutingDecision;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HandBuiltEventTest {

    private static final UUID EVENT_ID = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID CORRELATION_ID = UUID.fromString("7415f61f-ab2f-4961-97f5-a5f5c6499a4d");
    private static final Instant NOW = Instant.parse("2025-10-20T18:30:00Z");

    private final EventCodec codec = new EventCodec();

    /** A value Jackson cannot write: reading its property fails. */
    public static final class Unwritable {
        public String getState() {
            throw new IllegalStateException("closed");
        }
    }

    private static RoutingDecision decision(double confidence) {
        return new RoutingDecision(EVENT_ID, CORRELATION_ID, "optimize database queries", "agent-performance",
                confidence, List.of(new RoutingDecision.Alternative("agent-database", 0.85, null, null)),
                null, "enhanced_fuzzy_matching", null, 45L, NOW, AgentEvent.CURRENT_SCHEMA_VERSION, null, null);
    }

    @Test
    void validHandBuiltEventPassesValidationAndDecodesBackEqual() throws InvalidEventException {
        RoutingDecision decision = decision(0.92);

        codec.validate(decision);

        assertThat(codec.decode(Topic.AGENT_ROUTING_DECISIONS, codec.encode(decision))).isEqualTo(decision);
    }

    @Test
    void handBuiltEventWithOutOfRangeScoreFailsValidation() {
        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.validate(decision(1.5)));

        assertThat(rejected.errors()).containsExactly(
                new FieldError("confidence_score", "must be between 0 and 1, got number 1.5"));
    }

    @Test
    void handBuiltEventMissingRequiredFieldsFailsValidation() {
        AgentAction action = new AgentAction(EVENT_ID, CORRELATION_ID, null, ActionType.DECISION, "route", null,
                null, null, NOW, 0, null, null);

        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.validate(action));

        assertThat(rejected.errors()).extracting(FieldError::toString)
                .containsExactly("agent_name: is required", "schema_version: must be >= 1, got number 0");
    }

    @Test
    void recordsCopyTheirCollections() {
        Map<String, Object> details = new HashMap<>();
        details.put("file_path", "a.py");
        AgentAction action = new AgentAction(EVENT_ID, CORRELATION_ID, "agent", ActionType.TOOL_CALL, "Read",
                details, null, null, NOW, 1, null, null);

        details.put("file_path", "b.py");

        assertThat(action.actionDetails()).containsEntry("file_path", "a.py");
        assertThat(action.extraFields()).isEmpty();
        assertThatThrownBy(() -> action.actionDetails().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachEventNamesItsTopic() {
        assertThat(decision(0.5).topic()).isEqualTo(Topic.AGENT_ROUTING_DECISIONS);
        assertThat(decision(0.5).partitionKey()).isEqualTo(CORRELATION_ID.toString());
    }

    @Test
    void handBuiltEventThatCannotBeWrittenAsJsonFailsValidation() {
        AgentEvent action = new AgentAction(EVENT_ID, CORRELATION_ID, "agent", ActionType.DECISION,
                "route", Map.of("handle", new Unwritable()), null, null, NOW, 1, null, null);

        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.validate(action));

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.SCHEMA_INVALID);
        assertThat(rejected.getMessage()).contains("cannot write the event as JSON");
    }
}
