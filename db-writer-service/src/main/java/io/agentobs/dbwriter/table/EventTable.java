package io.agentobs.dbwriter.table;

import java.util.List;

import io.agentobs.dbwriter.copy.CopyRows;
import io.agentobs.events.AgentEvent;
import io.agentobs.events.Topic;

/**
 * How the events of one topic become rows of its table (migrations/V1__event_tables.sql): the table and the
 * columns of the event's own fields. The envelope and Kafka columns every table shares are added by
 * {@link EventTables}.
 *
 * @param <E> the topic's event type
 */
public interface EventTable<E extends AgentEvent> {

    /** The topic whose events the table holds. */
    Topic topic();

    /** The table's name. */
    String tableName();

    /** The event-specific columns, in the order {@link #appendColumns} writes them. */
    List<String> columns();

    /** Appends the event-specific column values of one event. */
    void appendColumns(E event, CopyRows row);
}
