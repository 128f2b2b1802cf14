package io.agentobs.dbwriter.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.agentobs.dbwriter.metrics.DbWriterMetrics;
import io.agentobs.dbwriter.table.EventTables;
import io.agentobs.events.Topic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes rows older than their table's retention period, on a schedule, without ever blocking the writers.
 *
 * <p>Batched deletes, not time partitions: the tables' primary key is event_id alone (the idempotency key), and a
 * partitioned table's unique keys must include the partition column. Each statement deletes at most
 * {@code batchSize} expired rows found through the event_time index, in its own short transaction, skipping rows
 * another transaction holds; inserts never wait for it. A session advisory lock lets one instance of the group run
 * at a time. docs/BENCHMARKS.md measures the writers' rate while it runs.
 */
public class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    /** Advisory lock key: "agentobs" retention, shared by every db-writer instance on the database. */
    private static final long LOCK_KEY = 0x6167_656e_746f_6273L;

    private final DataSource dataSource;
    private final RetentionPeriods periods;
    private final int batchSize;
    private final Duration interval;
    private final Duration initialDelay;
    private final DbWriterMetrics metrics;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public RetentionJob(DataSource dataSource, RetentionPeriods periods, int batchSize, Duration interval,
                        Duration initialDelay, DbWriterMetrics metrics, Clock clock) {
        this.dataSource = dataSource;
        this.periods = periods;
        this.batchSize = batchSize;
        this.interval = interval;
        this.initialDelay = initialDelay;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Deletes every expired row now. Returns the rows deleted per table, or an empty map when another instance holds
     * the retention lock.
     */
    public Map<String, Long> runOnce() throws SQLException {
        Map<String, Long> deleted = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!advisoryLock(connection, "pg_try_advisory_lock")) {
                log.debug("Retention skipped: another instance is running it");
                return deleted;
            }
            try {
                Instant now = clock.instant();
                for (Map.Entry<Topic, Duration> entry : periods.periods().entrySet()) {
                    String table = EventTables.tableName(entry.getKey());
                    long rows = deleteBefore(connection, table, now.minus(entry.getValue()));
                    deleted.put(table, rows);
                    metrics.expired(table, rows);
                }
            } finally {
                advisoryLock(connection, "pg_advisory_unlock");
            }
        }
        long total = deleted.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            log.info("Retention deleted {} expired rows: {}", total, deleted);
        }
        return deleted;
    }

    private long deleteBefore(Connection connection, String table, Instant cutoff) throws SQLException {
        String sql = "DELETE FROM " + table + " WHERE ctid = ANY (ARRAY (SELECT ctid FROM " + table
                + " WHERE event_time < ? LIMIT ? FOR UPDATE SKIP LOCKED))";
        long total = 0;
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, batchSize);
            int rows;
            do {
                rows = delete.executeUpdate();
                total += rows;
            } while (rows == batchSize && !Thread.currentThread().isInterrupted());
        }
        return total;
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void runScheduled() {
        try {
            runOnce();
        } catch (SQLException | RuntimeException e) {
            log.warn("Retention run failed, next try in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "db-writer-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runScheduled, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
        log.info("Retention every {} (first run in {}), periods {}", interval, initialDelay, periods.periods());
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
