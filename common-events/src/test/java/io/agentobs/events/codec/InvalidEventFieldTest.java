package io.agentobs.events.codec;

import io.agentobs.events.InvalidEventCases;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InvalidEventFieldTest {

    private final EventCodec codec = new EventCodec();

    static Stream<InvalidEventCases.Case> invalidEvents() {
        return InvalidEventCases.all();
    }

    @Test
    void tableCoversAtLeastThirtyDistinctInputs() {
        assertThat(InvalidEventCases.all().map(InvalidEventCases.Case::toString).distinct().count())
                .isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void invalidFieldIsRejectedWithAMessageNamingIt(InvalidEventCases.Case invalid) {
        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(invalid.topic(), invalid.payload()));

        assertThat(rejected).as("decoding %s", invalid).isNotNull();
        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.SCHEMA_INVALID);
        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(invalid.expectedField());
            assertThat(error.message()).contains(invalid.messageFragment());
        });
        assertThat(rejected.getMessage()).startsWith("SCHEMA_INVALID: " + invalid.expectedField() + ": ");
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "agent-routing-decisions    | confidence_score                 | 0",
            "agent-routing-decisions    | confidence_score                 | 1",
            "agent-routing-decisions    | confidence_score                 | 1.0",
            "agent-routing-decisions    | alternatives[0].confidence_score | 0.0",
            "agent-routing-decisions    | alternatives                     | []",
            "agent-routing-decisions    | reasoning                        | null",
            "agent-actions              | duration_ms                      | 0",
            "agent-actions              | duration_ms                      | 45.0",
            "agent-actions              | metadata                         | {}",
            "agent-actions              | action_name                      | \"route_to_agent\"",
            "task-executions            | steps                            | []",
            "task-executions            | total_duration_ms                | 9223372036854775807",
            "code-quality-metrics       | test_coverage                    | 100",
            "code-quality-metrics       | quality_score                    | 1",
            "failure-patterns           | fingerprint_id                   | \"B7E4C1A2-9D3F-4E8B-A6C5-2F1E0D9C8B7A\""
    })
    void boundaryValuesAreAccepted(String topicName, String path, String json) throws InvalidEventException {
        Topic topic = Topic.byName(topicName).orElseThrow();

        assertThat(codec.decode(topic, SeedEvents.withChange(topic, path, json))).isInstanceOf(topic.eventType());
    }
}
