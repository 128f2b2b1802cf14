package io.agentobs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import io.agentobs.events.Topic;
import io.agentobs.infra.EmbeddedKafkaServer;
import io.agentobs.infra.KafkaOptions;

import org.apache.kafka.common.TopicPartition;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Kafka backlog into PostgreSQL: how fast db-writer-service drains a backlog of agent-actions events, against a
 * plain COPY of the same rows into an identical table of the same database in the same run.
 *
 * <p>Usage: {@code DbWriterBacklog [events [rounds [batchSize…]]]} (default 100000 events, 1 round, batch sizes 100
 * and 2000). Starts embedded Kafka and PostgreSQL (persistent data directory: fsync on; synchronous_commit on) and
 * starts the service jar once so Flyway creates the tables. Then per round and batch size:
 * <ol>
 *   <li>puts a backlog of {@code events} new events into {@code agent-actions} (12 partitions) in one transaction;
 *   <li>COPYs its rows into {@code copy_reference (LIKE agent_actions INCLUDING ALL)} in one COPY (reference);
 *   <li>starts the service as a child process ({@code java -jar}, fresh group, empty tables) and waits until every
 *       row is committed (cold drain), then checks the rows are the COPY's;
 *   <li>empties the table and commits another backlog while the service runs, and waits again (warm drains;
 *       {@code -Dagentobs.bench.warm-backlogs}, default 2, because the JIT compiler is still busy in the first);
 *   <li>with {@code -Dagentobs.bench.expired-rows=200000}: two more drains into a table holding that many expired
 *       rows, without and with retention's batched deletes running;
 *   <li>stops the service and repeats the reference COPY.
 * </ol>
 * {@code -Dagentobs.bench.env.NAME=value} passes one more environment variable to the service
 * (AGENTOBS_CONSUMER_CONCURRENCY=2, say).
 */
public final class DbWriterBacklog {

    static final int PARTITIONS = 12;
    static final List<Integer> DEFAULT_BATCH_SIZES = List.of(100, 2000);
    /** The design's reference consumer (kafka-python, one INSERT per row, commit per 100) on this machine, SPEC §6. */
    static final double REFERENCE_LOW = 4_000;
    static final double REFERENCE_HIGH = 4_450;
    static final double TARGET_RATIO = 0.6;
    private static final int DEFAULT_EVENTS = 100_000;
    /** Backlogs drained by the running service after the first; JIT compilation still goes on during the first. */
    private static final int DEFAULT_WARM_BACKLOGS = 2;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(10);
    /** What RetentionJob runs: its statement, its default batch, agent-actions' 7-day period. */
    private static final int RETENTION_BATCH = 5_000;
    private static final Duration AGENT_ACTIONS_RETENTION = Topic.AGENT_ACTIONS.retention();
    private static final String TOPIC = Topic.AGENT_ACTIONS.topicName();
    private static final String TABLE = "agent_actions";
    private static final String REFERENCE_TABLE = "copy_reference";

    private final BenchPostgres postgres;
    private final BacklogLoader loader;
    private final String bootstrap;
    private final Path jar;
    private final Path logs;
    private final DrainWatch watch;
    private final AtomicReference<ServiceProcess> service;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private DbWriterBacklog(BenchPostgres postgres, BacklogLoader loader, String bootstrap, Path jar, Path logs,
                            ProcessCpu cpu, AtomicReference<ServiceProcess> service) {
        this.postgres = postgres;
        this.loader = loader;
        this.bootstrap = bootstrap;
        this.jar = jar;
        this.logs = logs;
        this.watch = new DrainWatch(cpu, DrainWatch.CpuWindow.FIRST_TO_LAST_COMMIT, DRAIN_TIMEOUT, POLL);
        this.service = service;
    }

    public static void main(String[] args) throws Exception {
        BacklogArgs a = BacklogArgs.parse(args, DEFAULT_EVENTS, DEFAULT_BATCH_SIZES, DEFAULT_WARM_BACKLOGS);
        int expiredRows = Integer.getInteger("agentobs.bench.expired-rows", 0);
        List<BacklogRun> runs = run(a.events(), a.rounds(), a.batchSizes(), a.warmBacklogs(), expiredRows);
        System.out.println();
        System.out.println(summary(runs));
        // The embedded broker's leftover non-daemon threads must not keep the JVM alive.
        System.exit(0);
    }

    /** Runs every round and batch size; prints each run's figures as it ends. */
    public static List<BacklogRun> run(int events, int rounds, List<Integer> batchSizes, int warmBacklogs,
                                       int expiredRows) throws Exception {
        if (events < 1 || rounds < 1 || batchSizes.isEmpty() || warmBacklogs < 0 || expiredRows < 0) {
            throw new IllegalArgumentException("events and rounds must be positive, batch sizes given");
        }
        Path jar = Workspace.serviceJar("db-writer-service");
        Path logs = Files.createTempDirectory("agentobs-bench-dbwriter");
        AtomicReference<ServiceProcess> service = new AtomicReference<>();
        try (EmbeddedKafkaServer kafka = new EmbeddedKafkaServer(KafkaOptions.randomPort());
             BenchPostgres postgres = BenchPostgres.start()) {
            kafka.start();
            try (BacklogLoader loader = new BacklogLoader(kafka.bootstrapServers(), List.of(Topic.AGENT_ACTIONS), 1);
                 ProcessCpu cpu = new ProcessCpu(postgres.postmasterPid(), postgres.benchBackends(),
                         () -> Optional.ofNullable(service.get()).map(ServiceProcess::pid).orElse(0L))) {
                loader.createTopics();
                DbWriterBacklog bench = new DbWriterBacklog(postgres, loader, kafka.bootstrapServers(), jar, logs, cpu,
                        service);
                log(postgres.settings());
                Map<String, String> extra = ServiceProcess.extraEnvironment();
                log("service: java -jar " + jar + " (logs in " + logs + ")"
                        + (extra.isEmpty() ? "" : ", with " + extra));
                bench.applyMigrations();
                List<BacklogRun> runs = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    for (int batchSize : batchSizes) {
                        BacklogRun run = bench.measure(round, batchSize, events, warmBacklogs, expiredRows);
                        System.out.println();
                        System.out.println(run.format());
                        runs.add(run);
                    }
                }
                // the service logs stay behind only when a run failed
                Workspace.deleteRecursively(logs);
                return runs;
            }
        }
    }

    /** Starts the service once on the empty topic: Flyway creates the tables; the first start is not measured. */
    private void applyMigrations() throws Exception {
        log("first start of the service: applying the migrations");
        try (ServiceProcess setup = startService("bench-setup-" + runId, DEFAULT_BATCH_SIZES.get(0), "setup")) {
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            while (setup.startedSeconds().isEmpty()) {
                setup.requireAlive();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the service did not start within " + DRAIN_TIMEOUT);
                }
                Thread.sleep(100);
            }
        } finally {
            service.set(null);
        }
    }

    private BacklogRun measure(int round, int batchSize, int events, int warmBacklogs, int expiredRows)
            throws Exception {
        String group = "bench-dbwriter-" + runId + "-r" + round + "-b" + batchSize;
        loader.emptyTopics();
        log("round " + round + ", BATCH_SIZE " + batchSize + ": producing a backlog of " + events + " events");
        Backlog first = loader.produce(events, Instant.now());
        long copyBefore = copyReference(first);
        String copiedChecksum = checksum(REFERENCE_TABLE);
        execute("TRUNCATE " + TABLE + ", agentobs_consumer_offsets");
        postgres.checkpoint();
        List<DrainPhase<DbWriterMeters>> phases = new ArrayList<>();
        Optional<double[]> started;
        String drainedChecksum;
        log("starting the service, waiting for " + events + " rows");
        long start = System.nanoTime();
        try (ServiceProcess running = startService(group, batchSize, "r" + round + "-b" + batchSize)) {
            phases.add(drain("cold: service started, backlog waiting", first, group, start, running, null));
            started = running.startedSeconds();
            requireRows(events);
            drainedChecksum = checksum(TABLE);

            for (int warm = 1; warm <= warmBacklogs; warm++) {
                execute("TRUNCATE " + TABLE);
                postgres.checkpoint();
                PrometheusText before = running.metrics();
                log("warm " + warm + ": committing another backlog of " + events + " events");
                Backlog next = loader.produce(events, Instant.now());
                phases.add(drain("warm " + warm + ": service running, backlog committed", next, group,
                        next.committedAt(), running, before));
                requireRows(events);
            }

            if (expiredRows > 0) {
                for (boolean deleting : new boolean[] {false, true}) {
                    String name = String.format(Locale.ROOT, "warm, next to %,d expired rows%s", expiredRows,
                            deleting ? ", retention deleting them" : "");
                    log(name);
                    execute("TRUNCATE " + TABLE);
                    loadExpiredRows(expiredRows);
                    postgres.checkpoint();
                    PrometheusText beforeExpired = running.metrics();
                    Backlog backlog = loader.produce(events, Instant.now());
                    RetentionDeletes deletes = deleting ? RetentionDeletes.start(postgres, TABLE,
                            Instant.now().minus(AGENT_ACTIONS_RETENTION), RETENTION_BATCH) : null;
                    DrainPhase<DbWriterMeters> phase = drain(name, backlog, group, backlog.committedAt(), running,
                            beforeExpired);
                    if (deletes != null) {
                        deletes.await();
                        phase = phase.withRetention(deletes.figures(phase.endNanos()));
                    }
                    phases.add(phase);
                    requireRows(events + (deleting ? 0 : expiredRows));
                }
            }
        } finally {
            service.set(null);
        }

        long copyAfter = copyReference(first);
        boolean identical = drainedChecksum.equals(copiedChecksum) && copiedChecksum.equals(checksum(REFERENCE_TABLE));
        return new BacklogRun(round, batchSize, group, started, first, phases, copyBefore, copyAfter, identical);
    }

    /** The reference: the backlog's rows in one COPY into a new, empty table like agent_actions. */
    private long copyReference(Backlog backlog) throws SQLException {
        log("COPY of the backlog's " + backlog.size() + " rows into " + REFERENCE_TABLE);
        execute("DROP TABLE IF EXISTS " + REFERENCE_TABLE);
        execute("CREATE TABLE " + REFERENCE_TABLE + " (LIKE " + TABLE + " INCLUDING ALL)");
        return copy(REFERENCE_TABLE, backlog.rows());
    }

    /** Waits until every row of the backlog is committed, watching the offsets the service stores with its rows. */
    private DrainPhase<DbWriterMeters> drain(String name, Backlog backlog, String group, long startNanos,
                                             ServiceProcess running, PrometheusText metricsBefore) throws Exception {
        try (Connection connection = postgres.connect();
             PreparedStatement offsets = connection.prepareStatement("SELECT kafka_partition, next_offset"
                     + " FROM agentobs_consumer_offsets WHERE consumer_group = ? AND topic = ?")) {
            offsets.setString(1, group);
            offsets.setString(2, TOPIC);
            return watch.await(name, backlog, startNanos, () -> {
                Map<TopicPartition, Long> next = new HashMap<>();
                try (ResultSet rows = offsets.executeQuery()) {
                    while (rows.next()) {
                        next.put(new TopicPartition(TOPIC, rows.getInt(1)), rows.getLong(2));
                    }
                }
                return next;
            }, running, after -> DbWriterMeters.between(metricsBefore, after));
        }
    }

    private ServiceProcess startService(String group, int batchSize, String logName) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BROKERS", bootstrap);
        env.put("KAFKA_GROUP_ID", group);
        env.put("KAFKA_TOPICS", TOPIC);
        env.put("BATCH_SIZE", Integer.toString(batchSize));
        env.put("POSTGRES_HOST", postgres.server().host());
        env.put("POSTGRES_PORT", Integer.toString(postgres.server().port()));
        env.put("POSTGRES_DATABASE", postgres.server().database());
        env.put("POSTGRES_USER", postgres.server().username());
        env.put("POSTGRES_PASSWORD", postgres.server().password());
        env.put("AGENTOBS_DBWRITER_RETENTION_ENABLED", "false");
        env.putAll(ServiceProcess.extraEnvironment());
        ServiceProcess started = ServiceProcess.start(jar, env, logs.resolve("db-writer-" + logName + ".log"));
        service.set(started);
        return started;
    }

    private void requireRows(long expected) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM " + TABLE)) {
            count.next();
            if (count.getLong(1) != expected) {
                throw new IllegalStateException(TABLE + " holds " + count.getLong(1) + " rows, expected " + expected);
            }
        }
    }

    /** One COPY of the rows into the table, committed; returns its time, the text built beforehand. */
    private long copy(String table, List<ActionRow> rows) throws SQLException {
        byte[] text = CopyText.of(rows);
        postgres.checkpoint();
        try (Connection connection = postgres.connect()) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + ActionRow.COLUMN_LIST + ") FROM STDIN");
            copy.writeToCopy(text, 0, text.length);
            long copied = copy.endCopy();
            connection.commit();
            long nanos = System.nanoTime() - start;
            if (copied != rows.size()) {
                throw new IllegalStateException("COPY stored " + copied + " of " + rows.size() + " rows");
            }
            return nanos;
        }
    }

    /** Rows whose event time is past agent-actions' retention, as an older part of the table. */
    private void loadExpiredRows(int rows) throws SQLException {
        Instant old = Instant.now().minus(AGENT_ACTIONS_RETENTION).minus(Duration.ofDays(23));
        List<ActionRow> expired = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            expired.add(ActionRow.random(old.plusMillis(i)).at(i % PARTITIONS, i / PARTITIONS));
        }
        copy(TABLE, expired);
        execute("VACUUM ANALYZE " + TABLE);
    }

    /** An md5 of every row but ingested_at, in event_id order: equal for equal contents. */
    private String checksum(String table) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet sum = statement.executeQuery("SELECT md5(string_agg(concat_ws('|', " + ActionRow.COLUMN_LIST
                     + "), E'\\n' ORDER BY event_id)) FROM " + table)) {
            sum.next();
            return String.valueOf(sum.getString(1));
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Every run as one table, with the target and the reference consumer for context. */
    static String summary(List<BacklogRun> runs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-5s %6s %9s %-48s %10s %10s %10s %7s%n", "round", "batch",
                "started s", "drain", "rows/s", "steady r/s", "COPY r/s", "ratio"));
        for (BacklogRun run : runs) {
            for (DrainPhase<DbWriterMeters> phase : run.phases()) {
                double ratio = phase.steadyPerSecond() / run.copyPerSecond();
                out.append(String.format(Locale.ROOT, "%-5d %6d %9s %-48s %,10.0f %,10.0f %,10.0f %7.2f%n",
                        run.round(), run.batchSize(),
                        run.serviceStarted().map(s -> String.format(Locale.ROOT, "%.2f", s[0])).orElse("-"),
                        phase.name().length() > 48 ? phase.name().substring(0, 48) : phase.name(),
                        phase.perSecond(), phase.steadyPerSecond(), run.copyPerSecond(), ratio));
            }
        }
        out.append(String.format(Locale.ROOT, "ratio = steady drain / COPY of the same rows in the same run; target"
                + " %.1f×. rows/s counts from the service's process start (cold) or the backlog's commit (warm).%n",
                TARGET_RATIO));
        out.append(String.format(Locale.ROOT, "reference consumer (kafka-python, INSERT per row, commit per 100;"
                + " SPEC §6): %,.0f–%,.0f events/s", REFERENCE_LOW, REFERENCE_HIGH));
        return out.toString();
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }

    /** RetentionJob's batched deletes on a thread of their own, from when they start until nothing is left. */
    private static final class RetentionDeletes {

        private final Thread thread;
        private final long start = System.nanoTime();
        private volatile long end;
        private volatile long deleted;
        private volatile int statements;
        private volatile Exception failure;

        private RetentionDeletes(Thread thread) {
            this.thread = thread;
        }

        static RetentionDeletes start(BenchPostgres postgres, String table, Instant cutoff, int batchSize) {
            RetentionDeletes[] holder = new RetentionDeletes[1];
            Thread thread = new Thread(() -> holder[0].run(postgres, table, cutoff, batchSize), "bench-retention");
            holder[0] = new RetentionDeletes(thread);
            thread.start();
            return holder[0];
        }

        private void run(BenchPostgres postgres, String table, Instant cutoff, int batchSize) {
            String sql = "DELETE FROM " + table + " WHERE ctid = ANY (ARRAY (SELECT ctid FROM " + table
                    + " WHERE event_time < ? LIMIT ? FOR UPDATE SKIP LOCKED))";
            try (Connection connection = postgres.connect(); PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setTimestamp(1, Timestamp.from(cutoff));
                delete.setInt(2, batchSize);
                int rows;
                do {
                    rows = delete.executeUpdate();
                    deleted += rows;
                    statements++;
                } while (rows == batchSize);
            } catch (SQLException e) {
                failure = e;
            } finally {
                end = System.nanoTime();
            }
        }

        void await() throws InterruptedException, ExecutionException {
            thread.join();
            if (failure != null) {
                throw new ExecutionException("retention deletes failed", failure);
            }
        }

        /** The figures once {@link #await()} returned. */
        DrainPhase.RetentionFigures figures(long drainEnd) {
            return new DrainPhase.RetentionFigures(deleted, (end - start) / 1e9, statements, end <= drainEnd);
        }
    }
}
