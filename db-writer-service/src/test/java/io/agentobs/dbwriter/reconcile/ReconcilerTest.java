package io.agentobs.dbwriter.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What counts as missing on each side, and the hints the offsets give. */
class ReconcilerTest {

    private static final TimeRange RANGE =
            new TimeRange(Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-24T01:00:00Z"));
    /** Partition 0: offsets 10..99 still in Kafka, 20..79 read. */
    private static final Map<Integer, PartitionBounds> BOUNDS = Map.of(0, new PartitionBounds(10, 20, 80));

    private final UUID a = id(1);
    private final UUID b = id(2);
    private final UUID c = id(3);

    @Test
    void eventsOnBothSidesAreConsistent() {
        ReconcileReport report = compare(Map.of(a, at(20), b, at(21)), Map.of(a, at(20), b, at(21)), Map.of());

        assertThat(report.consistent()).isTrue();
        assertThat(report.exitCode()).isEqualTo(ExitCodes.CONSISTENT);
        assertThat(report.inBoth()).isEqualTo(2);
    }

    @Test
    void eventInKafkaWithoutRowIsMissingInPostgres() {
        ReconcileReport report = compare(Map.of(a, at(20), b, at(21)), Map.of(a, at(20)), Map.of());

        assertThat(report.missingInPostgres().items()).containsExactly(new MissingEvent(b, at(21), null));
        assertThat(report.missingInKafka().total()).isZero();
        assertThat(report.exitCode()).isEqualTo(ExitCodes.MISSING);
    }

    @Test
    void eventAtOrPastTheWritersPositionIsHintedAsLag() {
        ReconcileReport report = compare(Map.of(a, at(20), b, at(30)), Map.of(), Map.of(0, 30L));

        assertThat(report.missingInPostgres().items()).containsExactly(new MissingEvent(a, at(20), null),
                new MissingEvent(b, at(30), MissingEvent.CONSUMER_LAG));
    }

    @Test
    void rowsWithoutRecordAreHintedByWhereTheirOffsetLies() {
        UUID unknown = id(4);
        ReconcileReport report = compare(Map.of(),
                Map.of(a, at(5), b, at(15), c, at(40), unknown, new Coordinates(7, 1)), Map.of());

        assertThat(report.missingInKafka().items()).containsExactly(
                new MissingEvent(a, at(5), MissingEvent.EXPIRED_BY_RETENTION),
                new MissingEvent(b, at(15), MissingEvent.BEFORE_SCAN_START),
                new MissingEvent(c, at(40), null),
                new MissingEvent(unknown, new Coordinates(7, 1), MissingEvent.UNKNOWN_PARTITION));
    }

    @Test
    void rowsPastTheScannedOffsetsAreCountedNotCompared() {
        ReconcileReport report = compare(Map.of(a, at(20)), Map.of(a, at(20), b, at(80)), Map.of());

        assertThat(report.consistent()).isTrue();
        assertThat(report.postgresRows()).isEqualTo(2);
        assertThat(report.postgresRowsBeyondScan()).isEqualTo(1);
    }

    @Test
    void listsStopAtTheLimitButCountEverything() {
        Map<UUID, Coordinates> kafka = Map.of(a, at(22), b, at(21), c, at(20));

        ReconcileReport report = new Reconciler(2).compare("agent-actions", "agent_actions", RANGE,
                Duration.ofMinutes(5), "db-writer-group", scan(kafka), Map.of(), Map.of());

        assertThat(report.missingInPostgres().total()).isEqualTo(3);
        assertThat(report.missingInPostgres().items()).extracting(MissingEvent::eventId).containsExactly(c, b);
        assertThat(report.missingInPostgres().unlisted()).isEqualTo(1);
    }

    private static ReconcileReport compare(Map<UUID, Coordinates> kafka, Map<UUID, Coordinates> rows,
            Map<Integer, Long> positions) {
        return new Reconciler(20).compare("agent-actions", "agent_actions", RANGE, Duration.ofMinutes(5),
                "db-writer-group", scan(kafka), rows, positions);
    }

    private static KafkaScan scan(Map<UUID, Coordinates> events) {
        return new KafkaScan(events, events.size(), 0, new Listed<>(0, List.of()), BOUNDS);
    }

    private static Coordinates at(long offset) {
        return new Coordinates(0, offset);
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
