package io.agentobs.dbwriter.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import javax.sql.DataSource;

import io.agentobs.consumer.ConsumedEvent;
import io.agentobs.consumer.EventBatch;
import io.agentobs.consumer.EventSink;
import io.agentobs.consumer.offsets.KafkaClusterId;
import io.agentobs.dbwriter.metrics.DbWriterMetrics;
import io.agentobs.dbwriter.offsets.PostgresOffsetStore;
import io.agentobs.dbwriter.table.EventTables;
import io.agentobs.events.Topic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch into PostgreSQL in one transaction: each topic's events into its table, then the batch's next
 * offsets into {@code agentobs_consumer_offsets}, then commit. A crash before the commit leaves nothing; after it,
 * the stored offsets make the consumer resume behind the batch.
 *
 * <p>Each topic's rows go in by {@code COPY} straight into the table. A duplicate event_id fails that COPY; the
 * transaction is then redone with that topic going through staging and {@code ON CONFLICT DO NOTHING}. A row
 * PostgreSQL refuses as bad data (a timestamp beyond its range, a violated constraint) is named by its COPY line:
 * it is rejected (to the dead-letter topic) and the transaction redone without it, so k bad rows cost k + 1
 * attempts, not a row-by-row retry. An error without a line is narrowed down by halving the topic's rows under
 * savepoints. Every other failure is transient and propagates: the consumer retries the batch with backoff.
 */
public class PostgresEventWriter implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(PostgresEventWriter.class);

    private final DataSource dataSource;
    private final PostgresOffsetStore offsets;
    private final KafkaClusterId clusterId;
    private final DbWriterMetrics metrics;

    public PostgresEventWriter(DataSource dataSource, PostgresOffsetStore offsets, KafkaClusterId clusterId, DbWriterMetrics metrics) {
        this.dataSource = dataSource;
        this.offsets = offsets;
        this.clusterId = clusterId;
        this.metrics = metrics;
    }

    @Override
    public void write(EventBatch batch) throws Exception {
        long start = System.nanoTime();
        String cluster = clusterId.get();
        Map<Topic, List<ConsumedEvent>> pending = byTopic(batch.events());
        Set<Topic> viaStaging = EnumSet.noneOf(Topic.class);
        Set<Topic> halving = EnumSet.noneOf(Topic.class);
        while (true) {
            Attempt attempt = new Attempt();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    List<Written> written = new ArrayList<>();
                    for (Map.Entry<Topic, List<ConsumedEvent>> entry : pending.entrySet()) {
                        Topic topic = entry.getKey();
                        List<ConsumedEvent> events = entry.getValue();
                        if (events.isEmpty()) {
                            continue;
                        }
                        attempt.topic = topic;
                        if (halving.contains(topic)) {
                            written.add(halving(connection, topic, events, batch));
                        } else if (viaStaging.contains(topic)) {
                            written.add(TableCopy.viaStaging(connection, topic, events));
                        } else {
                            written.add(TableCopy.direct(connection, topic, events));
                        }
                    }
                    attempt.topic = null;
                    offsets.store(connection, cluster, batch.nextOffsets());
                    batch.publishRejections();
                    connection.commit();
                    written.forEach(w -> {
                        metrics.inserted(w.table(), w.inserted());
                        metrics.conflicts(w.table(), w.conflicts());
                    });
                    batch.rejections().forEach(r -> metrics.rejected(EventTables.tableName(r.event().topic()), 1));
                    metrics.batchWritten(System.nanoTime() - start);
                    return;
                } catch (SQLException e) {
                    rollback(connection, e);
                    if (!recover(e, attempt.topic, pending, viaStaging, halving, batch)) {
                        throw e;
                    }
                } catch (Exception | Error e) {
                    rollback(connection, e);
                    throw e;
                }
            }
        }
    }

    /** Adjusts the next attempt after a failed one; false when the failure is transient and must propagate. */
    private boolean recover(SQLException failure, Topic topic, Map<Topic, List<ConsumedEvent>> pending,
                            Set<Topic> viaStaging, Set<Topic> halving, EventBatch batch) {
        if (topic == null) {
            return false;
        }
        PostgresErrors.Kind kind = PostgresErrors.classify(failure);
        if (kind == PostgresErrors.Kind.DUPLICATE_KEY && !viaStaging.contains(topic)) {
            viaStaging.add(topic);
            metrics.redone("duplicate");
            return true;
        }
        if (kind != PostgresErrors.Kind.BAD_ROW || halving.contains(topic)) {
            return false;
        }
        List<ConsumedEvent> events = pending.get(topic);
        OptionalInt line = PostgresErrors.copyLine(failure);
        if (line.isPresent() && line.getAsInt() >= 1 && line.getAsInt() <= events.size()) {
            reject(batch, events, events.get(line.getAsInt() - 1), failure);
            metrics.redone("bad_row");
            return true;
        }
        log.info("PostgreSQL refused a row of {} without naming it ({}); narrowing it down", topic.topicName(),
                failure.getMessage());
        halving.add(topic);
        metrics.redone("halving");
        return true;
    }

    /** Inserts the events through staging in savepoint-guarded halves until every refused row is found alone. */
    private Written halving(Connection connection, Topic topic, List<ConsumedEvent> events, EventBatch batch)
            throws SQLException {
        Written total = new Written(EventTables.tableName(topic), 0, 0);
        List<List<ConsumedEvent>> work = new ArrayList<>();
        work.add(List.copyOf(events));
        while (!work.isEmpty()) {
            List<ConsumedEvent> part = work.remove(work.size() - 1);
            Savepoint savepoint = connection.setSavepoint();
            try {
                total = total.plus(TableCopy.viaStaging(connection, topic, part));
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                connection.rollback(savepoint);
                if (PostgresErrors.classify(e) != PostgresErrors.Kind.BAD_ROW) {
                    throw e;
                }
                if (part.size() == 1) {
                    reject(batch, events, part.get(0), e);
                } else {
                    work.add(part.subList(part.size() / 2, part.size()));
                    work.add(part.subList(0, part.size() / 2));
                }
            }
        }
        return total;
    }

    private void reject(EventBatch batch, List<ConsumedEvent> events, ConsumedEvent bad, SQLException reason) {
        String message = PostgresErrors.describe(reason);
        log.debug("Rejecting {} (event_id {}): {}", bad.coordinates(), bad.event().eventId(), message);
        batch.reject(bad, message);
        events.remove(bad);
    }

    @Override
    public void probe() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            statement.execute("SELECT 1");
        }
    }

    @Override
    public String sinkName() {
        return "postgresql";
    }

    private static Map<Topic, List<ConsumedEvent>> byTopic(List<ConsumedEvent> events) {
        Map<Topic, List<ConsumedEvent>> byTopic = new EnumMap<>(Topic.class);
        for (ConsumedEvent event : events) {
            byTopic.computeIfAbsent(event.topic(), t -> new ArrayList<>()).add(event);
        }
        return byTopic;
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Which topic's statement was running when an attempt failed (null: the offsets or the commit). */
    private static final class Attempt {
        private Topic topic;
    }
}
