package io.agentobs.dbwriter.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The db-writer's own meters, next to the shared {@code agentobs.consumer.*} ones: rows inserted, duplicates
 * skipped and rows refused per table, the time a batch's transaction takes, and rows removed by retention.
 */
public class DbWriterMetrics {

    private final MeterRegistry registry;
    private final Timer batchWrite;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** Registers the meters, the per-table ones at zero for every table so dashboards see them before any row. */
    public DbWriterMetrics(MeterRegistry registry, Collection<String> tables) {
        this.registry = registry;
        for (String table : tables) {
            inserted(table, 0);
            conflicts(table, 0);
            rejected(table, 0);
            expired(table, 0);
        }
        this.batchWrite = Timer.builder("agentobs.dbwriter.batch.write")
                .description("Time to write one batch: every COPY, the offsets and the commit")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    /** A batch was committed after {@code nanos}. */
    public void batchWritten(long nanos) {
        batchWrite.record(Duration.ofNanos(nanos));
    }

    /** Rows inserted into a table. */
    public void inserted(String table, long rows) {
        count("agentobs.dbwriter.rows.inserted", "Rows inserted", table, rows);
    }

    /** Rows skipped because their event_id was already stored. */
    public void conflicts(String table, long rows) {
        count("agentobs.dbwriter.rows.conflicts", "Rows skipped as duplicates (event_id already stored)", table, rows);
    }

    /** Rows PostgreSQL refused as bad data, sent to the dead-letter topic. */
    public void rejected(String table, long rows) {
        count("agentobs.dbwriter.rows.rejected", "Rows refused by PostgreSQL and dead-lettered", table, rows);
    }

    /**
     * A batch's transaction was rolled back and redone: {@code duplicate} (a topic switched to the staging path),
     * {@code bad_row} (a refused row named by its COPY line was taken out) or {@code halving} (a refused row is being
     * narrowed down).
     */
    public void redone(String reason) {
        counters.computeIfAbsent("redone|" + reason, key -> Counter.builder("agentobs.dbwriter.transactions.redone")
                .description("Batch transactions rolled back and redone, by reason")
                .tag("reason", reason)
                .register(registry)).increment();
    }

    /** Rows deleted by retention. */
    public void expired(String table, long rows) {
        count("agentobs.dbwriter.retention.deleted", "Rows deleted by retention", table, rows);
    }

    private void count(String name, String description, String table, long rows) {
        if (rows < 0) {
            return;
        }
        counters.computeIfAbsent(name + '|' + table, key -> Counter.builder(name)
                .description(description)
                .tag("table", table)
                .register(registry)).increment(rows);
    }
}
