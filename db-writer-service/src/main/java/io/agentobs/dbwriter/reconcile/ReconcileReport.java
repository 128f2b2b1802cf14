package io.agentobs.dbwriter.reconcile;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of comparing one topic with its table over a window: the counts, the events missing on each side and
 * the invalid records, as a readable text or one JSON object.
 *
 * @param topic the Kafka topic
 * @param table the PostgreSQL table
 * @param range the event-time window
 * @param skew how far the Kafka scan reached past the window by record timestamp
 * @param writerGroup the db-writer consumer group whose stored offsets tell lag from loss
 * @param kafkaRecordsScanned every record read
 * @param kafkaEvents distinct valid events in the window
 * @param kafkaDuplicates further records of an event already read
 * @param invalid records that failed decoding (in the dead-letter topic, not expected in PostgreSQL)
 * @param postgresRows rows in the window
 * @param postgresRowsBeyondScan rows whose stored offset the scan did not reach, left out of the comparison
 * @param inBoth events in Kafka and PostgreSQL
 * @param missingInPostgres events in Kafka without a row
 * @param missingInKafka rows without a record in the scanned offsets
 */
public record ReconcileReport(
        String topic,
        String table,
        TimeRange range,
        Duration skew,
        String writerGroup,
        long kafkaRecordsScanned,
        long kafkaEvents,
        long kafkaDuplicates,
        Listed<InvalidRecord> invalid,
        long postgresRows,
        long postgresRowsBeyondScan,
        long inBoth,
        Listed<MissingEvent> missingInPostgres,
        Listed<MissingEvent> missingInKafka) {

    /** Whether every event is on both sides; invalid records and duplicates do not count against it. */
    public boolean consistent() {
        return missingInPostgres.total() == 0 && missingInKafka.total() == 0;
    }

    /** {@link ExitCodes#CONSISTENT} or {@link ExitCodes#MISSING}. */
    public int exitCode() {
        return consistent() ? ExitCodes.CONSISTENT : ExitCodes.MISSING;
    }

    /** The report for a person: the window, the counts, then each list. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(topic).append(" -> ").append(table).append(", event time [").append(range.from()).append(", ")
                .append(range.to()).append("), skew ").append(skew).append('\n').append('\n');
        count(text, "Kafka records scanned", kafkaRecordsScanned);
        count(text, "Kafka events in window", kafkaEvents);
        count(text, "PostgreSQL rows in window", postgresRows);
        count(text, "In both", inBoth);
        count(text, "Invalid records (in the DLQ)", invalid.total());
        count(text, "Duplicates in Kafka", kafkaDuplicates);
        count(text, "Rows beyond the scanned offsets", postgresRowsBeyondScan);
        text.append('\n');
        missing(text, "Missing in PostgreSQL", "at", missingInPostgres);
        missing(text, "Missing in Kafka", "stored", missingInKafka);
        text.append("Invalid records: ").append(invalid.total()).append('\n');
        for (InvalidRecord record : invalid.items()) {
            text.append("  ").append(record.at()).append("  ").append(record.reason()).append('\n');
        }
        more(text, invalid);
        long missing = missingInPostgres.total() + missingInKafka.total();
        text.append('\n').append("Result: ").append(consistent() ? "consistent" : missing + " missing")
                .append(" (exit ").append(exitCode()).append(")");
        return text.toString();
    }

    /** The report for a program: one JSON object. */
    public String json() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("topic", topic);
        root.put("table", table);
        root.put("from", range.from().toString());
        root.put("to", range.to().toString());
        root.put("skew", skew.toString());
        root.put("writer_group", writerGroup);
        root.put("result", consistent() ? "consistent" : "missing");
        root.put("exit_code", exitCode());
        ObjectNode counts = root.putObject("counts");
        counts.put("kafka_records_scanned", kafkaRecordsScanned);
        counts.put("kafka_events", kafkaEvents);
        counts.put("postgres_rows", postgresRows);
        counts.put("in_both", inBoth);
        counts.put("invalid_records", invalid.total());
        counts.put("duplicates_in_kafka", kafkaDuplicates);
        counts.put("postgres_rows_beyond_scan", postgresRowsBeyondScan);
        counts.put("missing_in_postgres", missingInPostgres.total());
        counts.put("missing_in_kafka", missingInKafka.total());
        missing(root.putArray("missing_in_postgres"), missingInPostgres.items());
        missing(root.putArray("missing_in_kafka"), missingInKafka.items());
        ArrayNode invalidRecords = root.putArray("invalid_records");
        for (InvalidRecord record : invalid.items()) {
            invalidRecords.addObject().put("partition", record.at().partition()).put("offset", record.at().offset())
                    .put("reason", record.reason());
        }
        return root.toString();
    }

    private static void count(StringBuilder text, String label, long value) {
        text.append(String.format("%-32s%12d\n", label, value));
    }

    private static void missing(StringBuilder text, String title, String where, Listed<MissingEvent> events) {
        text.append(title).append(": ").append(events.total()).append('\n');
        for (MissingEvent event : events.items()) {
            text.append("  ").append(event.eventId()).append("  ").append(where).append(' ').append(event.at());
            if (event.hint() != null) {
                text.append("  (").append(event.hint()).append(')');
            }
            text.append('\n');
        }
        more(text, events);
    }

    private static void more(StringBuilder text, Listed<?> listed) {
        if (listed.unlisted() > 0) {
            text.append("  ... and ").append(listed.unlisted()).append(" more (--max-listed)").append('\n');
        }
    }

    private static void missing(ArrayNode array, List<MissingEvent> events) {
        for (MissingEvent event : events) {
            ObjectNode item = array.addObject().put("event_id", event.eventId().toString())
                    .put("partition", event.at().partition()).put("offset", event.at().offset());
            if (event.hint() != null) {
                item.put("hint", event.hint());
            }
        }
    }
}
