package io.agentobs.events.codec;

import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InvalidEventExceptionTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyProblemOfAnEventIsReportedInFieldOrder() {
        ObjectNode event = SeedEvents.tree(Topic.AGENT_ROUTING_DECISIONS);
        event.remove("event_id");
        event.put("confidence_score", 1.5);
        ((ObjectNode) event.get("alternatives").get(1)).put("confidence_score", "high");
        event.put("timestamp", "2025-10-20T18:30:00");

        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(Topic.AGENT_ROUTING_DECISIONS, EventJson.mapper().writeValueAsBytes(event)));

        assertThat(rejected.errors()).extracting(FieldError::field).containsExactly(
                "event_id", "confidence_score", "alternatives[1].confidence_score", "timestamp");
        assertThat(rejected.getMessage()).startsWith("SCHEMA_INVALID: event_id: is required; confidence_score: ");
    }

    @Test
    void messageIsBoundedAndCountsWhatItLeavesOut() {
        List<FieldError> errors = IntStream.range(0, 200)
                .mapToObj(i -> new FieldError("steps[" + i + "].action", "is required"))
                .toList();

        String message = new InvalidEventException(InvalidEventException.Kind.SCHEMA_INVALID, errors).getMessage();

        assertThat(message).hasSizeLessThanOrEqualTo(InvalidEventException.MAX_MESSAGE_LENGTH)
                .startsWith("SCHEMA_INVALID: steps[0].action: is required; steps[1].action")
                .endsWith("more)");
    }

    @Test
    void singleHugeErrorIsCut() {
        FieldError huge = new FieldError("error_message", "x".repeat(5000));

        String message = new InvalidEventException(InvalidEventException.Kind.SCHEMA_INVALID, huge).getMessage();

        assertThat(message).hasSizeLessThanOrEqualTo(InvalidEventException.MAX_MESSAGE_LENGTH).endsWith("...");
    }

    @Test
    void errorsAreImmutableAndNeverEmpty() {
        InvalidEventException rejected = new InvalidEventException(InvalidEventException.Kind.TOO_LARGE,
                FieldError.root("too big"));

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.TOO_LARGE);
        assertThatThrownBy(() -> rejected.errors().add(FieldError.root("more")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new InvalidEventException(InvalidEventException.Kind.SCHEMA_INVALID, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
