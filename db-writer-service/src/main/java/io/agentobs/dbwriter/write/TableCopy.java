package io.agentobs.dbwriter.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.agentobs.consumer.ConsumedEvent;
import io.agentobs.dbwriter.copy.CopyRows;
import io.agentobs.dbwriter.table.EventTables;
import io.agentobs.events.Topic;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The two ways one topic's events of a batch enter its table, inside the caller's transaction.
 *
 * <p>{@link #direct}: {@code COPY} straight into the table, PostgreSQL's fastest load; it fails as a whole on a
 * duplicate event_id. {@link #viaStaging}: {@code COPY} into a session-local staging table with the same columns,
 * defaults and constraints, then {@code INSERT … SELECT … ON CONFLICT (event_id) DO NOTHING}, which skips
 * duplicates. Both report bad rows by their COPY line.
 */
final class TableCopy {

    private static final String STAGING_PREFIX = "agentobs_staging_";

    private TableCopy() {
    }

    /** COPY into the table itself; every row is inserted or the statement fails. */
    static Written direct(Connection connection, Topic topic, List<ConsumedEvent> events) throws SQLException {
        String table = EventTables.tableName(topic);
        long rows = copy(connection, table, topic, events);
        return new Written(table, rows, 0);
    }

    /** COPY into staging, then insert what is not stored yet. */
    static Written viaStaging(Connection connection, Topic topic, List<ConsumedEvent> events) throws SQLException {
        String table = EventTables.tableName(topic);
        String staging = STAGING_PREFIX + table;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging + " (LIKE " + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ON COMMIT DELETE ROWS");
            statement.execute("DELETE FROM " + staging);
        }
        copy(connection, staging, topic, events);
        String columns = EventTables.columnList(topic);
        try (Statement statement = connection.createStatement()) {
            int inserted = statement.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + columns
                    + " FROM " + staging + " ON CONFLICT (event_id) DO NOTHING");
            return new Written(table, inserted, events.size() - inserted);
        }
    }

    private static long copy(Connection connection, String target, Topic topic, List<ConsumedEvent> events) throws SQLException {
        CopyRows rows = new CopyRows(events.size() * 512);
        for (ConsumedEvent event : events) {
            EventTables.appendRow(event, rows);
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + target + " (" + EventTables.columnList(topic) + ") FROM STDIN");
        try {
            rows.copyTo(copy);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
