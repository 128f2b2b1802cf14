package io.agentobs.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Ways of writing agent-actions rows into PostgreSQL in batches, one transaction per batch, each into an empty table
 * with agent_actions' columns, constraints and indexes ({@code LIKE agent_actions INCLUDING ALL}).
 *
 * <p>Usage: {@code PostgresWriteStrategies [rows [rounds [batchSize…]]]} (default 100000 rows, 1 round, batches of
 * 500 and 2000). Embedded PostgreSQL with a persistent data directory (fsync on) and synchronous_commit on, the
 * schema from {@code migrations/}. An unmeasured pass with 20,000 rows warms up the JIT compiler first. A CHECKPOINT
 * precedes every measurement; each strategy's time includes building its statements or COPY text from the row
 * values. Even rounds run the strategies in reverse order.
 */
public final class PostgresWriteStrategies {

    static final List<Integer> DEFAULT_BATCH_SIZES = List.of(500, 2000);
    /** The reference consumer commits every 100 rows. */
    static final int ROW_BY_ROW_COMMIT = 100;
    private static final int DEFAULT_ROWS = 100_000;
    /** Rows each strategy writes once before the rounds, so no round pays for JIT compiling the client side. */
    private static final int WARM_UP_ROWS = 20_000;
    private static final int PARTITIONS = 12;
    private static final String TABLE = "bench_target";
    private static final String OFFSETS = "agentobs_consumer_offsets";

    /** How the rows go in. */
    enum Strategy {
        COPY_ALL("COPY of all rows in one transaction (reference)", false),
        COPY_DIRECT("(a) COPY into the table", true),
        COPY_DIRECT_OFFSETS("(a') COPY into the table + offsets upsert", true),
        COPY_STAGING("(b) COPY into temp staging + INSERT…SELECT ON CONFLICT", true),
        UNNEST("(c) INSERT…SELECT FROM unnest(arrays) ON CONFLICT", true),
        MULTI_ROW("(d) multi-row INSERT…VALUES ON CONFLICT (reWriteBatched)", true),
        ROW_BY_ROW("(e) INSERT per row ON CONFLICT, commit per 100", false);

        private final String label;
        private final boolean batched;

        Strategy(String label, boolean batched) {
            this.label = label;
            this.batched = batched;
        }

        String label() {
            return label;
        }
    }

    /**
     * One strategy's write of all rows.
     *
     * @param round     round, from 1
     * @param strategy  how
     * @param batchSize rows per transaction (for COPY_ALL all rows, for ROW_BY_ROW the commit interval)
     * @param rows      rows written
     * @param nanos     time of the whole write
     */
    public record Result(int round, Strategy strategy, int batchSize, int rows, long nanos) {

        public double rowsPerSecond() {
            return rows * 1e9 / nanos;
        }
    }

    private final BenchPostgres postgres;

    private PostgresWriteStrategies(BenchPostgres postgres) {
        this.postgres = postgres;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : DEFAULT_ROWS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<Integer> batchSizes = args.length > 2
                ? Arrays.stream(args, 2, args.length).map(Integer::parseInt).toList() : DEFAULT_BATCH_SIZES;
        List<Result> results = run(rows, rounds, batchSizes);
        System.out.println();
        System.out.println(format(results));
    }

    /** Writes {@code rows} rows with every strategy and batch size, {@code rounds} times. */
    public static List<Result> run(int rows, int rounds, List<Integer> batchSizes) throws Exception {
        if (rows < 1 || rounds < 1 || batchSizes.isEmpty()) {
            throw new IllegalArgumentException("rows and rounds must be positive, batch sizes given");
        }
        List<ActionRow> data = new ArrayList<>(rows);
        Instant start = Instant.now();
        for (int i = 0; i < rows; i++) {
            data.add(ActionRow.random(start.plusMillis(i)).at(i % PARTITIONS, i / PARTITIONS));
        }
        try (BenchPostgres postgres = BenchPostgres.start()) {
            DbWriterBacklog.log(postgres.settings());
            PostgresWriteStrategies bench = new PostgresWriteStrategies(postgres);
            bench.createSchema();
            DbWriterBacklog.log("warm-up, not measured: every strategy with " + Math.min(rows, WARM_UP_ROWS) + " rows");
            List<ActionRow> warmUp = data.subList(0, Math.min(rows, WARM_UP_ROWS));
            for (Strategy strategy : Strategy.values()) {
                bench.measure(0, strategy, strategy == Strategy.ROW_BY_ROW ? ROW_BY_ROW_COMMIT : batchSizes.get(0),
                        warmUp);
            }
            List<Result> results = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                List<Strategy> order = new ArrayList<>(List.of(Strategy.values()));
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                for (Strategy strategy : order) {
                    List<Integer> sizes = switch (strategy) {
                        case COPY_ALL -> List.of(rows);
                        case ROW_BY_ROW -> List.of(ROW_BY_ROW_COMMIT);
                        default -> batchSizes;
                    };
                    for (int batchSize : sizes) {
                        Result result = bench.measure(round, strategy, batchSize, data);
                        DbWriterBacklog.log(String.format(Locale.ROOT, "round %d: %-58s batch %,7d: %,10.0f rows/s",
                                round, strategy.label(), batchSize, result.rowsPerSecond()));
                        results.add(result);
                    }
                }
            }
            return results;
        }
    }

    private void createSchema() throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(Workspace.migration("V1__event_tables.sql"));
            statement.execute(Workspace.migration("V2__consumer_offsets.sql"));
        }
    }

    private Result measure(int round, Strategy strategy, int batchSize, List<ActionRow> rows) throws SQLException {
        try (Connection setup = postgres.connect(); Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (LIKE agent_actions INCLUDING ALL)");
            statement.execute("TRUNCATE " + OFFSETS);
        }
        postgres.checkpoint();
        Properties properties = new Properties();
        if (strategy == Strategy.MULTI_ROW) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        long nanos;
        try (Connection connection = postgres.connect(properties)) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            switch (strategy) {
                case COPY_ALL, COPY_DIRECT -> batches(connection, rows, batchSize,
                        (from, to) -> copy(connection, TABLE, rows, from, to));
                case COPY_DIRECT_OFFSETS -> batches(connection, rows, batchSize, (from, to) -> {
                    copy(connection, TABLE, rows, from, to);
                    storeOffsets(connection, rows, from, to);
                });
                case COPY_STAGING -> batches(connection, rows, batchSize,
                        (from, to) -> viaStaging(connection, rows, from, to));
                case UNNEST -> unnest(connection, rows, batchSize);
                case MULTI_ROW -> multiRow(connection, rows, batchSize);
                case ROW_BY_ROW -> rowByRow(connection, rows, batchSize);
                default -> throw new IllegalStateException("unknown strategy " + strategy);
            }
            nanos = System.nanoTime() - start;
        }
        try (Connection check = postgres.connect(); Statement statement = check.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM " + TABLE)) {
            count.next();
            if (count.getLong(1) != rows.size()) {
                throw new IllegalStateException(strategy + " stored " + count.getLong(1) + " of " + rows.size());
            }
        }
        return new Result(round, strategy, batchSize, rows.size(), nanos);
    }

    /** Runs {@code batch} on consecutive slices of the rows, committing after each. */
    private static void batches(Connection connection, List<ActionRow> rows, int batchSize, Batch batch)
            throws SQLException {
        for (int from = 0; from < rows.size(); from += batchSize) {
            batch.write(from, Math.min(rows.size(), from + batchSize));
            connection.commit();
        }
    }

    private static long copy(Connection connection, String table, List<ActionRow> rows, int from, int to)
            throws SQLException {
        byte[] text = CopyText.of(rows, from, to);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + ActionRow.COLUMN_LIST + ") FROM STDIN");
        try {
            copy.writeToCopy(text, 0, text.length);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** What db-writer-service's duplicate path does (TableCopy.viaStaging). */
    private static void viaStaging(Connection connection, List<ActionRow> rows, int from, int to) throws SQLException {
        String staging = "bench_staging";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging + " (LIKE " + TABLE
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ON COMMIT DELETE ROWS");
            statement.execute("DELETE FROM " + staging);
        }
        copy(connection, staging, rows, from, to);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + TABLE + " (" + ActionRow.COLUMN_LIST + ") SELECT "
                    + ActionRow.COLUMN_LIST + " FROM " + staging + " ON CONFLICT (event_id) DO NOTHING");
        }
    }

    /** The offsets upsert db-writer-service runs in each batch's transaction (PostgresOffsetStore). */
    private static void storeOffsets(Connection connection, List<ActionRow> rows, int from, int to)
            throws SQLException {
        Map<Integer, Long> next = new TreeMap<>();
        for (int i = from; i < to; i++) {
            next.merge(rows.get(i).partition(), rows.get(i).offset() + 1, Math::max);
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO agentobs_consumer_offsets (consumer_group, topic, kafka_partition, next_offset, kafka_cluster_id, updated_at)
                SELECT ?, t.topic, t.kafka_partition, t.next_offset, ?, now()
                FROM unnest(?::text[], ?::integer[], ?::bigint[]) AS t (topic, kafka_partition, next_offset)
                ON CONFLICT (consumer_group, topic, kafka_partition) DO UPDATE
                SET next_offset = EXCLUDED.next_offset, kafka_cluster_id = EXCLUDED.kafka_cluster_id, updated_at = now()""")) {
            upsert.setString(1, "bench");
            upsert.setString(2, "bench-cluster");
            upsert.setArray(3, connection.createArrayOf("text",
                    Collections.nCopies(next.size(), "agent-actions").toArray(String[]::new)));
            upsert.setArray(4, connection.createArrayOf("int4", next.keySet().toArray(Integer[]::new)));
            upsert.setArray(5, connection.createArrayOf("int8", next.values().toArray(Long[]::new)));
            upsert.executeUpdate();
        }
    }

    private static void unnest(Connection connection, List<ActionRow> rows, int batchSize) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " ("
                + ActionRow.COLUMN_LIST + ") SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[], ?::text[],"
                + " ?::text[], ?::text[], ?::jsonb[], ?::boolean[], ?::bigint[], ?::integer[], ?::jsonb[], ?::jsonb[],"
                + " ?::integer[], ?::bigint[]) ON CONFLICT (event_id) DO NOTHING")) {
            batches(connection, rows, batchSize, (from, to) -> {
                int n = to - from;
                UUID[] eventIds = new UUID[n];
                UUID[] correlationIds = new UUID[n];
                String[] times = new String[n];
                String[] agentNames = new String[n];
                String[] actionTypes = new String[n];
                String[] actionNames = new String[n];
                String[] details = new String[n];
                Boolean[] debug = new Boolean[n];
                Long[] durations = new Long[n];
                Integer[] versions = new Integer[n];
                String[] nulls = new String[n];
                Integer[] partitions = new Integer[n];
                Long[] offsets = new Long[n];
                for (int i = 0; i < n; i++) {
                    ActionRow row = rows.get(from + i);
                    eventIds[i] = row.eventId();
                    correlationIds[i] = row.correlationId();
                    times[i] = row.eventTime().toString();
                    agentNames[i] = ActionRow.AGENT_NAME;
                    actionTypes[i] = ActionRow.ACTION_TYPE;
                    actionNames[i] = ActionRow.ACTION_NAME;
                    details[i] = ActionRow.ACTION_DETAILS;
                    debug[i] = ActionRow.DEBUG_MODE;
                    durations[i] = ActionRow.DURATION_MS;
                    versions[i] = ActionRow.SCHEMA_VERSION;
                    partitions[i] = row.partition();
                    offsets[i] = row.offset();
                }
                insert.setArray(1, connection.createArrayOf("uuid", eventIds));
                insert.setArray(2, connection.createArrayOf("uuid", correlationIds));
                insert.setArray(3, connection.createArrayOf("timestamptz", times));
                insert.setArray(4, connection.createArrayOf("text", agentNames));
                insert.setArray(5, connection.createArrayOf("text", actionTypes));
                insert.setArray(6, connection.createArrayOf("text", actionNames));
                insert.setArray(7, connection.createArrayOf("jsonb", details));
                insert.setArray(8, connection.createArrayOf("bool", debug));
                insert.setArray(9, connection.createArrayOf("int8", durations));
                insert.setArray(10, connection.createArrayOf("int4", versions));
                insert.setArray(11, connection.createArrayOf("jsonb", nulls));
                insert.setArray(12, connection.createArrayOf("jsonb", nulls));
                insert.setArray(13, connection.createArrayOf("int4", partitions));
                insert.setArray(14, connection.createArrayOf("int8", offsets));
                insert.executeUpdate();
            });
        }
    }

    private static void multiRow(Connection connection, List<ActionRow> rows, int batchSize) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(singleRowInsert())) {
            batches(connection, rows, batchSize, (from, to) -> {
                for (int i = from; i < to; i++) {
                    bind(insert, rows.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            });
        }
    }

    private static void rowByRow(Connection connection, List<ActionRow> rows, int commitEvery) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(singleRowInsert())) {
            for (int i = 0; i < rows.size(); i++) {
                bind(insert, rows.get(i));
                insert.executeUpdate();
                if ((i + 1) % commitEvery == 0 || i == rows.size() - 1) {
                    connection.commit();
                }
            }
        }
    }

    private static String singleRowInsert() {
        return "INSERT INTO " + TABLE + " (" + ActionRow.COLUMN_LIST + ") VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?,"
                + " ?, ?::jsonb, ?::jsonb, ?, ?) ON CONFLICT (event_id) DO NOTHING";
    }

    private static void bind(PreparedStatement insert, ActionRow row) throws SQLException {
        insert.setObject(1, row.eventId());
        insert.setObject(2, row.correlationId());
        insert.setObject(3, OffsetDateTime.ofInstant(row.eventTime(), ZoneOffset.UTC));
        insert.setString(4, ActionRow.AGENT_NAME);
        insert.setString(5, ActionRow.ACTION_TYPE);
        insert.setString(6, ActionRow.ACTION_NAME);
        insert.setString(7, ActionRow.ACTION_DETAILS);
        insert.setBoolean(8, ActionRow.DEBUG_MODE);
        insert.setLong(9, ActionRow.DURATION_MS);
        insert.setInt(10, ActionRow.SCHEMA_VERSION);
        insert.setNull(11, Types.VARCHAR);
        insert.setNull(12, Types.VARCHAR);
        insert.setInt(13, row.partition());
        insert.setLong(14, row.offset());
    }

    /** Per strategy and batch size: rows/s of each round and the share of the same round's one-COPY figure. */
    static String format(List<Result> results) {
        int rounds = results.stream().mapToInt(Result::round).max().orElse(0);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-60s %7s", "strategy", "batch"));
        for (int round = 1; round <= rounds; round++) {
            out.append(String.format(Locale.ROOT, " %11s %6s", "r" + round + " rows/s", "/COPY"));
        }
        out.append('\n');
        for (Strategy strategy : Strategy.values()) {
            results.stream().filter(r -> r.strategy() == strategy).map(Result::batchSize).distinct().forEach(size -> {
                out.append(String.format(Locale.ROOT, "%-60s %,7d", strategy.label(), size));
                for (int round = 1; round <= rounds; round++) {
                    int r = round;
                    double reference = results.stream()
                            .filter(x -> x.round() == r && x.strategy() == Strategy.COPY_ALL)
                            .mapToDouble(Result::rowsPerSecond).findFirst().orElse(Double.NaN);
                    double rate = results.stream()
                            .filter(x -> x.round() == r && x.strategy() == strategy && x.batchSize() == size)
                            .mapToDouble(Result::rowsPerSecond).findFirst().orElse(Double.NaN);
                    out.append(String.format(Locale.ROOT, " %,11.0f %6.2f", rate, rate / reference));
                }
                out.append('\n');
            });
        }
        out.append("one transaction per batch (commit per 100 rows for (e)); every table has agent_actions' primary"
                + " key and indexes; /COPY = share of the one-COPY rate of the same round");
        return out.toString();
    }

    /** The statements of one batch: rows {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    private interface Batch {
        void write(int from, int to) throws SQLException;
    }
}
