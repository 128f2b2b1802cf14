package io.agentobs.dbwriter.reconcile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Reads, over one plain read-only JDBC connection, the event ids a topic's table holds for a window, with the Kafka
 * coordinates each row stored, and how far the db-writer group has written each partition
 * ({@code agentobs_consumer_offsets}).
 */
public final class PostgresIdReader implements AutoCloseable {

    /** Rows fetched per round trip: the result streams through a cursor instead of filling memory twice. */
    private static final int FETCH_SIZE = 10_000;
    private static final String CONNECT_TIMEOUT_SECONDS = "10";
    private static final String POSITIONS = """
            SELECT kafka_partition, next_offset FROM agentobs_consumer_offsets
            WHERE consumer_group = ? AND topic = ?""";

    private final Connection connection;
    private final String address;

    private PostgresIdReader(Connection connection, String address) {
        this.connection = connection;
        this.address = address;
    }

    /**
     * Connects to {@code target}.
     *
     * @throws ReconcileFailure naming the address when PostgreSQL cannot be reached or refuses the login
     */
    public static PostgresIdReader open(PostgresTarget target) throws ReconcileFailure {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        properties.setProperty("password", target.password());
        properties.setProperty("ApplicationName", "agentobs-reconcile");
        properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        try {
            Connection connection = DriverManager.getConnection(target.jdbcUrl(), properties);
            connection.setReadOnly(true);
            // a cursor (setFetchSize) needs a transaction
            connection.setAutoCommit(false);
            return new PostgresIdReader(connection, target.address());
        } catch (SQLException e) {
            throw ReconcileFailure.unreachable("cannot reach PostgreSQL at " + target.address() + ": "
                    + ReconcileFailure.describe(e), e);
        }
    }

    /**
     * Event id → the Kafka coordinates stored with it, for the rows of {@code table} whose {@code event_time} is in
     * {@code range}.
     */
    public Map<UUID, Coordinates> eventIds(String table, TimeRange range) throws ReconcileFailure {
        String sql = "SELECT event_id, kafka_partition, kafka_offset FROM " + table
                + " WHERE event_time >= ? AND event_time < ?";
        Map<UUID, Coordinates> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(FETCH_SIZE);
            select.setObject(1, utc(range.from()));
            select.setObject(2, utc(range.to()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getObject(1, UUID.class), new Coordinates(result.getInt(2), result.getLong(3)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure("cannot read table " + table, e);
        }
    }

    /** Partition → the next offset the db-writer group {@code group} will write of {@code topic}. */
    public Map<Integer, Long> writerPositions(String group, String topic) throws ReconcileFailure {
        Map<Integer, Long> positions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(POSITIONS)) {
            select.setString(1, group);
            select.setString(2, topic);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    positions.put(result.getInt(1), result.getLong(2));
                }
            }
            return positions;
        } catch (SQLException e) {
            throw failure("cannot read the db-writer's offsets", e);
        }
    }

    private ReconcileFailure failure(String what, SQLException e) {
        return ReconcileFailure.unreachable(what + " from PostgreSQL at " + address + ": "
                + ReconcileFailure.describe(e), e);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Ends the read-only transaction and closes the connection; a failure to close loses nothing. */
    @Override
    public void close() {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            // read-only: nothing to lose, and the server ends the session when the socket closes
        }
    }
}
