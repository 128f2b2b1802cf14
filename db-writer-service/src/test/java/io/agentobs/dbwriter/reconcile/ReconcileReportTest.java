package io.agentobs.dbwriter.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The text and JSON renderings of a report. */
class ReconcileReportTest {

    private static final UUID LOST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID LAGGING = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID EXPIRED = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private final ReconcileReport missing = new ReconcileReport("agent-actions", "agent_actions",
            new TimeRange(Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-24T01:00:00Z")),
            Duration.ofMinutes(5), "db-writer-group", 120, 100, 3,
            new Listed<>(2, List.of(new InvalidRecord(new Coordinates(1, 7), "MALFORMED_JSON: not JSON"))),
            99, 4, 98,
            new Listed<>(2, List.of(new MissingEvent(LOST, new Coordinates(0, 5), null),
                    new MissingEvent(LAGGING, new Coordinates(2, 9), MissingEvent.CONSUMER_LAG))),
            new Listed<>(1, List.of(new MissingEvent(EXPIRED, new Coordinates(1, 2),
                    MissingEvent.EXPIRED_BY_RETENTION))));

    @Test
    void jsonIsOneObjectWithCountsAndLists() {
        JsonNode json = JsonMapper.builder().build().readTree(missing.json());

        assertThat(json.get("topic").asString()).isEqualTo("agent-actions");
        assertThat(json.get("table").asString()).isEqualTo("agent_actions");
        assertThat(json.get("from").asString()).isEqualTo("2026-11-24T00:00:00Z");
        assertThat(json.get("to").asString()).isEqualTo("2026-11-24T01:00:00Z");
        assertThat(json.get("result").asString()).isEqualTo("missing");
        assertThat(json.get("exit_code").asInt()).isEqualTo(1);
        JsonNode counts = json.get("counts");
        assertThat(counts.get("kafka_records_scanned").asLong()).isEqualTo(120);
        assertThat(counts.get("kafka_events").asLong()).isEqualTo(100);
        assertThat(counts.get("postgres_rows").asLong()).isEqualTo(99);
        assertThat(counts.get("in_both").asLong()).isEqualTo(98);
        assertThat(counts.get("invalid_records").asLong()).isEqualTo(2);
        assertThat(counts.get("duplicates_in_kafka").asLong()).isEqualTo(3);
        assertThat(counts.get("postgres_rows_beyond_scan").asLong()).isEqualTo(4);
        assertThat(counts.get("missing_in_postgres").asLong()).isEqualTo(2);
        assertThat(counts.get("missing_in_kafka").asLong()).isEqualTo(1);
        JsonNode lagging = json.get("missing_in_postgres").get(1);
        assertThat(lagging.get("event_id").asString()).isEqualTo(LAGGING.toString());
        assertThat(lagging.get("partition").asInt()).isEqualTo(2);
        assertThat(lagging.get("offset").asLong()).isEqualTo(9);
        assertThat(lagging.get("hint").asString()).isEqualTo("consumer_lag");
        assertThat(json.get("missing_in_postgres").get(0).has("hint")).isFalse();
        assertThat(json.get("missing_in_kafka").get(0).get("hint").asString()).isEqualTo("expired_by_retention");
        assertThat(json.get("invalid_records").get(0).get("reason").asString()).isEqualTo("MALFORMED_JSON: not JSON");
    }

    @Test
    void textListsEachSideWithCoordinatesAndSaysWhatWasLeftOut() {
        String text = missing.text();

        assertThat(text).startsWith("agent-actions -> agent_actions, event time [2026-11-24T00:00:00Z, "
                + "2026-11-24T01:00:00Z), skew PT5M");
        assertThat(text).containsPattern("Kafka events in window +100")
                .containsPattern("PostgreSQL rows in window +99")
                .containsPattern("Duplicates in Kafka +3")
                .contains("Missing in PostgreSQL: 2\n  " + LOST + "  at 0@5\n  " + LAGGING + "  at 2@9  (consumer_lag)")
                .contains("Missing in Kafka: 1\n  " + EXPIRED + "  stored 1@2  (expired_by_retention)")
                .contains("Invalid records: 2\n  1@7  MALFORMED_JSON: not JSON\n  ... and 1 more (--max-listed)")
                .endsWith("Result: 3 missing (exit 1)");
    }

    @Test
    void consistentReportSaysSoAndExitsZero() {
        ReconcileReport consistent = new ReconcileReport("agent-actions", "agent_actions", missing.range(),
                Duration.ZERO, "db-writer-group", 5, 5, 0, new Listed<>(0, List.of()), 5, 0, 5,
                new Listed<>(0, List.of()), new Listed<>(0, List.of()));

        assertThat(consistent.exitCode()).isZero();
        assertThat(consistent.text()).endsWith("Result: consistent (exit 0)");
        assertThat(JsonMapper.builder().build().readTree(consistent.json()).get("result").asString())
                .isEqualTo("consistent");
    }
}
