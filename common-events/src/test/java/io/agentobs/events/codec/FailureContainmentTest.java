package io.agentobs.events.codec;

import io.agentobs.events.InvalidEventCases;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Consumers retry any exception but InvalidEventException forever, so decode lets no other exception out. */
class FailureContainmentTest {

    /** A validator with a bug: it throws instead of reporting. */
    private static final class BrokenValidator extends EventValidator {
        @Override
        List<FieldError> validate(Topic topic, JsonNode root) {
            throw new IllegalStateException("validator bug");
        }
    }

    @Test
    void unexpectedExceptionDuringValidationBecomesSchemaInvalid() {
        EventCodec codec = new EventCodec(EventCodec.DEFAULT_MAX_PAYLOAD_BYTES, new BrokenValidator());

        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(Topic.AGENT_ACTIONS, SeedEvents.bytes(Topic.AGENT_ACTIONS)));

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.SCHEMA_INVALID);
        assertThat(rejected.errors()).containsExactly(FieldError.root(
                "cannot validate and convert to AgentAction: unexpected IllegalStateException: validator bug"));
        assertThat(rejected).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void inputsThatUsedToEscapeAsRuntimeExceptionsAreInvalidEvents() {
        EventCodec codec = new EventCodec();
        List<byte[]> formerCrashes = List.of(
                SeedEvents.withChange(Topic.AGENT_ROUTING_DECISIONS, "routing_time_ms", "1e400"),
                SeedEvents.withChange(Topic.AGENT_ROUTING_DECISIONS, "schema_version", "1e400"),
                SeedEvents.withChange(Topic.AGENT_ROUTING_DECISIONS, "confidence_score",
                        InvalidEventCases.HUGE_INTEGER));

        for (byte[] value : formerCrashes) {
            InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                    () -> codec.decode(Topic.AGENT_ROUTING_DECISIONS, value));
            assertThat(rejected).isNotNull();
            assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.SCHEMA_INVALID);
            assertThat(rejected.getCause()).as("rejected by validation, not by the safety net").isNull();
        }
    }
}
