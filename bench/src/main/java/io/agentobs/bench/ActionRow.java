package io.agentobs.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One agent-actions event as the row db-writer-service stores for it in {@code agent_actions}: the ids and time that
 * vary per event, the Kafka coordinates it was read from, and the fixed field values of {@link BenchEvents#agentAction}.
 *
 * @param eventId       event_id
 * @param correlationId correlation_id, also the record key
 * @param eventTime     event_time (the event's timestamp, whole milliseconds as the JSON carries it)
 * @param partition     kafka_partition
 * @param offset        kafka_offset
 */
record ActionRow(UUID eventId, UUID correlationId, Instant eventTime, int partition, long offset) {

    /** The columns db-writer-service writes, in its order (EventTables: envelope, event fields, trailing). */
    static final List<String> COLUMNS = List.of("event_id", "correlation_id", "event_time", "agent_name", "action_type",
            "action_name", "action_details", "debug_mode", "duration_ms", "schema_version", "metadata", "extra_fields",
            "kafka_partition", "kafka_offset");
    static final String COLUMN_LIST = String.join(", ", COLUMNS);

    /** The values {@link BenchEvents#agentAction} sends for every event; schema_version is the codec's default. */
    static final String AGENT_NAME = "agent-x";
    static final String ACTION_TYPE = "tool_call";
    static final String ACTION_NAME = "Read";
    static final String ACTION_DETAILS = "{\"file_path\":\"/a.py\",\"lines_read\":10}";
    static final boolean DEBUG_MODE = false;
    static final long DURATION_MS = 42;
    static final int SCHEMA_VERSION = 1;

    ActionRow {
        eventTime = eventTime.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new event with random ids at {@code eventTime}; its Kafka coordinates are filled in once it is stored. */
    static ActionRow random(Instant eventTime) {
        return random(eventTime, UUID.randomUUID());
    }

    /** A new event with a random event id, of the given correlation (the task it belongs to). */
    static ActionRow random(Instant eventTime, UUID correlationId) {
        return new ActionRow(UUID.randomUUID(), correlationId, eventTime, -1, -1);
    }

    /** The same event at the position Kafka stored it. */
    ActionRow at(int newPartition, long newOffset) {
        return new ActionRow(eventId, correlationId, eventTime, newPartition, newOffset);
    }

    /** The event's wire form, as a skill produces it. */
    byte[] json() {
        return BenchEvents.agentAction(eventId, correlationId, eventTime);
    }

    /** Appends the row as one line of {@code COPY … FROM STDIN} text format. */
    void appendCopyLine(StringBuilder out) {
        out.append(eventId).append('\t').append(correlationId).append('\t').append(eventTime).append('\t');
        CopyText.escaped(out, AGENT_NAME).append('\t');
        CopyText.escaped(out, ACTION_TYPE).append('\t');
        CopyText.escaped(out, ACTION_NAME).append('\t');
        CopyText.escaped(out, ACTION_DETAILS).append('\t');
        out.append(DEBUG_MODE ? 't' : 'f').append('\t').append(DURATION_MS).append('\t').append(SCHEMA_VERSION)
                .append('\t').append(CopyText.NULL).append('\t').append(CopyText.NULL).append('\t').append(partition)
                .append('\t').append(offset).append('\n');
    }
}
