package io.agentobs.dbwriter.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.agentobs.consumer.ConsumedEvent;
import io.agentobs.dbwriter.copy.CopyRows;
import io.agentobs.events.AgentEvent;
import io.agentobs.events.Topic;

/**
 * The eight event tables, one per topic, and the row layout they share: envelope columns first, then the
 * event's own columns, then the unknown top-level fields and the Kafka coordinates the row was read from.
 */
public final class EventTables {

    private static final List<String> LEADING = List.of("event_id", "correlation_id", "event_time");
    private static final List<String> TRAILING = List.of("schema_version", "metadata", "extra_fields",
            "kafka_partition", "kafka_offset");
    private static final Map<Topic, EventTable<?>> TABLES = tables();
    private static final Map<Topic, List<String>> COLUMNS = columns();

    private EventTables() {
    }

    /** The table of a topic. */
    public static EventTable<?> of(Topic topic) {
        return TABLES.get(topic);
    }

    /** The table's name for a topic. */
    public static String tableName(Topic topic) {
        return TABLES.get(topic).tableName();
    }

    /** Every column {@link #appendRow} writes for the topic, in order. */
    public static List<String> columns(Topic topic) {
        return COLUMNS.get(topic);
    }

    /** The column list as SQL: {@code event_id, correlation_id, …}. */
    public static String columnList(Topic topic) {
        return String.join(", ", COLUMNS.get(topic));
    }

    /** Appends one event as a row of its topic's table. */
    public static void appendRow(ConsumedEvent consumed, CopyRows row) {
        AgentEvent event = consumed.event();
        row.uuid(event.eventId()).uuid(event.correlationId()).timestamp(event.timestamp());
        appendColumns(TABLES.get(consumed.topic()), event, row);
        row.number(event.schemaVersion()).json(event.metadata())
                .json(event.extraFields().isEmpty() ? null : event.extraFields())
                .number(consumed.partition()).number(consumed.offset());
        row.endRow();
    }

    @SuppressWarnings("unchecked")
    private static <E extends AgentEvent> void appendColumns(EventTable<E> table, AgentEvent event, CopyRows row) {
        table.appendColumns((E) event, row);
    }

    private static Map<Topic, EventTable<?>> tables() {
        Map<Topic, EventTable<?>> tables = new EnumMap<>(Topic.class);
        for (EventTable<?> table : List.of(new AgentActionsTable(), new RoutingDecisionsTable(),
                new TransformationEventsTable(), new RouterPerformanceMetricsTable(), new ExecutionPathsTable(),
                new CodeArtifactsTable(), new SuccessPatternsTable(), new FailurePatternsTable())) {
            tables.put(table.topic(), table);
        }
        if (tables.size() != Topic.values().length) {
            throw new IllegalStateException("every topic needs a table, have " + tables.keySet());
        }
        return Collections.unmodifiableMap(tables);
    }

    private static Map<Topic, List<String>> columns() {
        Map<Topic, List<String>> columns = new EnumMap<>(Topic.class);
        TABLES.forEach((topic, table) -> {
            List<String> all = new ArrayList<>(LEADING);
            all.addAll(table.columns());
            all.addAll(TRAILING);
            columns.put(topic, List.copyOf(all));
        });
        return Collections.unmodifiableMap(columns);
    }
}
