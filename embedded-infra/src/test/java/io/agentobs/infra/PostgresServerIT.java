package io.agentobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.agentobs.infra.junit.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trips through a dedicated PostgreSQL, its version and owner, an outage, fsync by kind of data directory, and
 * a lost port race.
 */
class PostgresServerIT {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Test
    void serverIsPostgresql17() throws SQLException {
        String version = queryString("select version()");

        System.out.println("PostgreSQL reports: " + version);
        assertThat(version).startsWith("PostgreSQL 17.");
    }

    @Test
    void applicationUserOwnsTheApplicationDatabase() throws SQLException {
        assertThat(queryString("select current_user || '@' || current_database()"))
                .isEqualTo("agentobs@agentobs");
        assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/agentobs");
    }

    @Test
    void insertedRowIsSelected() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table round_trip (id int primary key, payload jsonb not null)");
            statement.execute("insert into round_trip values (1, '{\"agent\": \"a\"}')");
            try (ResultSet rows = statement.executeQuery("select payload->>'agent' from round_trip where id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("a");
            }
        }
    }

    @Test
    void serverRestartsOnTheSamePortWithItsData() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table outage (id int primary key)");
            statement.execute("insert into outage values (42)");
        }
        int port = postgres.port();

        postgres.stop();
        assertThat(postgres.isRunning()).isFalse();
        assertThatThrownBy(PostgresServerIT::connect).isInstanceOf(SQLException.class);

        postgres.start();
        assertThat(postgres.port()).isEqualTo(port);
        assertThat(queryString("select id::text from outage")).isEqualTo("42");
    }

    @Test
    void persistentDataDirectoryIsFsyncedTransientIsNot(@TempDir Path directory) throws SQLException {
        assertThat(queryString("show fsync")).isEqualTo("off");
        try (PostgresServer persistent = new EmbeddedPostgresServer(PostgresOptions.randomPort()
                .withDataDirectory(directory.resolve("data")))) {
            persistent.start();
            try (Connection connection = DriverManager.getConnection(persistent.jdbcUrl(), persistent.username(),
                    persistent.password());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select current_setting('fsync'), current_setting('full_page_writes')")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("on");
                assertThat(rows.getString(2)).isEqualTo("on");
            }
        }
    }

    @Test
    void portTakenByAnotherPostgresqlIsReplacedByAFreeOne() throws SQLException {
        // The other PostgreSQL answers zonky's readiness probe while ours cannot bind: a lost race it cannot see.
        int taken = postgres.port();
        try (PostgresServer late = new EmbeddedPostgresServer(PostgresOptions.randomPort(), Ports.takenFirst(taken))) {
            late.start();

            assertThat(late.port()).isNotEqualTo(taken);
            try (Connection connection = DriverManager.getConnection(late.jdbcUrl(), late.username(), late.password());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select current_setting('port')")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(late.port());
            }
        }
        assertThat(queryString("select current_setting('port')")).isEqualTo(Integer.toString(taken));
    }

    private static String queryString(String sql) throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }
}
