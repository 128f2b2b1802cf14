package io.agentobs.events.codec;

import io.agentobs.events.AgentEvent;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TimestampTest {

    private final EventCodec codec = new EventCodec();

    private AgentEvent decodeWithTimestamp(String timestamp) throws InvalidEventException {
        return codec.decode(Topic.AGENT_ACTIONS,
                SeedEvents.withChange(Topic.AGENT_ACTIONS, "timestamp", "\"" + timestamp + "\""));
    }

    @Test
    void explicitOffsetIsNormalisedToUtc() throws InvalidEventException {
        AgentEvent event = decodeWithTimestamp("2025-10-20T20:30:00.123+02:00");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-10-20T18:30:00.123Z"));
        assertThat(codec.toJson(event)).contains("\"timestamp\":\"2025-10-20T18:30:00.123Z\"");
    }

    @ParameterizedTest
    @CsvSource({
            "2025-10-20T18:30:00Z,             2025-10-20T18:30:00Z",
            "2025-10-20T18:30:00.1Z,           2025-10-20T18:30:00.100Z",
            "2025-10-20T18:30:00.123456Z,      2025-10-20T18:30:00.123456Z",
            "2025-10-20T18:30:00.123456789Z,   2025-10-20T18:30:00.123456789Z",
            "2025-10-20T13:30:00-05:00,        2025-10-20T18:30:00Z",
            "2025-10-21T00:00:00+05:30,        2025-10-20T18:30:00Z",
            "2025-10-20t18:30:00z,             2025-10-20T18:30:00Z",
            "2024-02-29T00:00:00Z,             2024-02-29T00:00:00Z",
            "2025-10-20T18:30:00+18:00,        2025-10-20T00:30:00Z",
            "2025-10-20T18:30:00-00:00,        2025-10-20T18:30:00Z",
            "+10000-01-01T00:00:00Z,           +10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59.999999999Z,  -0001-12-31T23:59:59.999999999Z"
    })
    void acceptedTimestampForms(String wire, String utc) throws InvalidEventException {
        assertThat(decodeWithTimestamp(wire).timestamp()).isEqualTo(Instant.parse(utc));
    }

    @Test
    void localTimestampWithoutOffsetIsRejected() {
        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> decodeWithTimestamp("2025-10-20T18:30:00.123"));

        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("timestamp");
            assertThat(error.message()).contains("must carry 'Z' or an explicit UTC offset")
                    .contains("\"2025-10-20T18:30:00.123\"");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-10-20 18:30:00Z",
            "2025-10-20T18:30Z",
            "2025-13-20T18:30:00Z",
            "2025-02-30T18:30:00Z",
            "2025-10-20T18:30:00+0200",
            "2025-10-20T18:30:00 UTC",
            "1760985000",
            "2023-02-29T18:30:00Z",
            "2025-10-20T24:00:00Z",
            "2025-10-20T23:59:60Z",
            "2025-10-20T18:30:00+18:01",
            "2025-10-20T18:30:00+24:00",
            "2025-10-20T18:30:00.1234567890Z",
            "-0000-01-01T00:00:00Z",
            "+2025-10-20T18:30:00Z",
            "20250-10-20T18:30:00Z",
            ""
    })
    void malformedTimestampsAreRejected(String wire) {
        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> decodeWithTimestamp(wire));

        assertThat(rejected).isNotNull();
        assertThat(rejected.errors()).extracting(FieldError::field).containsExactly("timestamp");
    }
}
