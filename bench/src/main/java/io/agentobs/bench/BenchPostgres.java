package io.agentobs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.agentobs.infra.EmbeddedPostgresServer;
import io.agentobs.infra.PostgresOptions;
import io.agentobs.infra.PostgresServer;

/**
 * The benchmarks' PostgreSQL: embedded PostgreSQL 17 with a persistent data directory in a temporary directory, so
 * {@code fsync} and {@code full_page_writes} stay on as on a real server, and with {@code synchronous_commit} set
 * back to {@code on} for the application database (zonky starts the server with it off): every commit waits for
 * its WAL flush. The directory is deleted on {@link #close()}.
 */
final class BenchPostgres implements AutoCloseable {

    /** zonky's superuser, trusted on localhost: CHECKPOINT and server settings. */
    private static final String SUPERUSER = "postgres";

    private final Path directory;
    private final EmbeddedPostgresServer server;
    /** Backend pids of the connections the benchmark itself opened, to tell their CPU from the service's. */
    private final Set<Long> benchBackends = ConcurrentHashMap.newKeySet();
    private long postmasterPid;

    private BenchPostgres(Path directory, EmbeddedPostgresServer server) {
        this.directory = directory;
        this.server = server;
    }

    /** Starts the server on a free port with a fresh data directory. */
    static BenchPostgres start() throws IOException, SQLException {
        Path directory = Files.createTempDirectory("agentobs-bench-postgres");
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(PostgresOptions.randomPort()
                .withDataDirectory(directory.resolve("data")));
        BenchPostgres postgres = new BenchPostgres(directory, server);
        try {
            server.start();
            try (Connection admin = postgres.superuser(); Statement statement = admin.createStatement()) {
                statement.execute("ALTER DATABASE " + server.database() + " SET synchronous_commit = on");
                try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                    pid.next();
                    postgres.postmasterPid = ProcessCpu.parentOf(pid.getLong(1));
                }
            }
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    PostgresServer server() {
        return server;
    }

    long postmasterPid() {
        return postmasterPid;
    }

    Set<Long> benchBackends() {
        return benchBackends;
    }

    /** A connection of the application user, counted as the benchmark's own. */
    Connection connect() throws SQLException {
        return connect(new Properties());
    }

    /** A connection of the application user with extra driver properties, counted as the benchmark's own. */
    Connection connect(Properties extra) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(extra);
        properties.setProperty("user", server.username());
        properties.setProperty("password", server.password());
        properties.setProperty("ApplicationName", "agentobs-bench");
        Connection connection = DriverManager.getConnection(server.jdbcUrl(), properties);
        try (Statement statement = connection.createStatement();
             ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            benchBackends.add(pid.getLong(1));
        }
        return connection;
    }

    /** Flushes every dirty buffer, so the next measurement does not pay for the previous one's writes. */
    void checkpoint() throws SQLException {
        try (Connection admin = superuser(); Statement statement = admin.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    /** The settings that decide write speed, as one line. */
    String settings() throws SQLException {
        StringBuilder out = new StringBuilder("PostgreSQL ");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet version = statement.executeQuery("SHOW server_version")) {
                version.next();
                out.append(version.getString(1));
            }
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes", "wal_level",
                    "shared_buffers", "max_wal_size", "checkpoint_timeout"}) {
                try (ResultSet value = statement.executeQuery("SHOW " + setting)) {
                    value.next();
                    out.append(", ").append(setting).append(' ').append(value.getString(1));
                }
            }
        }
        return out.append(", data in ").append(directory).toString();
    }

    private Connection superuser() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        Connection connection = DriverManager.getConnection(server.jdbcUrl(), properties);
        try (Statement statement = connection.createStatement();
             ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            benchBackends.add(pid.getLong(1));
        }
        return connection;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            deleteRecursively(directory);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
