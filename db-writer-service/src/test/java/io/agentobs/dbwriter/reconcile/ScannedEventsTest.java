package io.agentobs.dbwriter.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;

import org.junit.jupiter.api.Test;

/** Which records a scan counts as events, duplicates and invalid records. */
class ScannedEventsTest {

    private static final Instant FROM = Instant.parse("2026-11-24T00:00:00Z");
    private static final TimeRange RANGE = new TimeRange(FROM, FROM.plus(Duration.ofHours(1)));

    private final ScannedEvents events =
            new ScannedEvents(Topic.AGENT_ACTIONS, RANGE, Duration.ofMinutes(5), new EventCodec(), 1);

    @Test
    void eventsInTheWindowAreKeptAtTheirFirstOffset() {
        UUID id = UUID.randomUUID();
        events.accept(action(id, FROM), new Coordinates(0, 1), stamp(FROM));
        events.accept(action(id, FROM), new Coordinates(0, 2), stamp(FROM));

        KafkaScan scan = events.result(Map.of());

        assertThat(scan.events()).containsExactly(Map.entry(id, new Coordinates(0, 1)));
        assertThat(scan.duplicates()).isEqualTo(1);
        assertThat(scan.recordsScanned()).isEqualTo(2);
    }

    @Test
    void eventsOutsideTheWindowAreOnlyScanned() {
        events.accept(action(UUID.randomUUID(), FROM.minusMillis(1)), new Coordinates(0, 1), stamp(FROM));
        events.accept(action(UUID.randomUUID(), RANGE.to()), new Coordinates(0, 2), stamp(FROM));

        KafkaScan scan = events.result(Map.of());

        assertThat(scan.events()).isEmpty();
        assertThat(scan.recordsScanned()).isEqualTo(2);
    }

    @Test
    void invalidRecordsCountWhenStampedWithinTheWindowWidenedBySkew() {
        byte[] garbage = "{\"event_id\": \"not closed".getBytes(StandardCharsets.UTF_8);
        events.accept(garbage, new Coordinates(2, 9), stamp(FROM.minus(Duration.ofMinutes(4))));
        events.accept(garbage, new Coordinates(1, 3), stamp(RANGE.to().plus(Duration.ofMinutes(4))));
        events.accept(garbage, new Coordinates(0, 1), stamp(FROM.minus(Duration.ofMinutes(6))));
        events.accept(garbage, new Coordinates(0, 2), stamp(RANGE.to().plus(Duration.ofMinutes(5))));

        KafkaScan scan = events.result(Map.of());

        assertThat(scan.invalid().total()).isEqualTo(2);
        assertThat(scan.invalid().items()).singleElement().satisfies(record -> {
            assertThat(record.at()).isEqualTo(new Coordinates(2, 9));
            assertThat(record.reason()).startsWith("MALFORMED_JSON");
        });
    }

    private static long stamp(Instant time) {
        return time.toEpochMilli();
    }

    private static byte[] action(UUID eventId, Instant time) {
        return ("{\"event_id\":\"" + eventId + "\",\"correlation_id\":\"" + UUID.randomUUID() + "\","
                + "\"agent_name\":\"a\",\"action_type\":\"tool_call\",\"action_name\":\"Read\",\"timestamp\":\""
                + time + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
