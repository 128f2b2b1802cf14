package io.agentobs.infra.junit;

import io.agentobs.infra.EmbeddedPostgresServer;
import io.agentobs.infra.PostgresOptions;
import io.agentobs.infra.PostgresServer;

/** JUnit 5 extension running an embedded PostgreSQL 17 on a free port; see {@link ServerExtension}. */
public final class PostgresExtension extends ServerExtension<PostgresServer> {

    private static final SharedServer<PostgresServer> SHARED =
            new SharedServer<>(() -> new EmbeddedPostgresServer(PostgresOptions.randomPort()));

    /** A dedicated server for this test class, with {@link PostgresOptions#randomPort()}. */
    public PostgresExtension() {
        this(PostgresOptions.randomPort());
    }

    /** A dedicated server for this test class. */
    public PostgresExtension(PostgresOptions options) {
        super(() -> new EmbeddedPostgresServer(options));
    }

    private PostgresExtension(SharedServer<PostgresServer> shared) {
        super(shared);
    }

    /** The server shared by all test classes of this JVM that ask for it. */
    public static PostgresExtension shared() {
        return new PostgresExtension(SHARED);
    }

    public String jdbcUrl() {
        return server().jdbcUrl();
    }

    public String username() {
        return server().username();
    }

    public String password() {
        return server().password();
    }

    public String host() {
        return server().host();
    }

    public int port() {
        return server().port();
    }

    public String database() {
        return server().database();
    }
}
