package io.agentobs.infra;

/** A PostgreSQL server with one application database ({@code agentobs}) owned by the user it exposes. */
public interface PostgresServer extends InfraServer {

    /** Always {@code localhost}. */
    String host();

    /** The port; fixed for the server's lifetime, also across stop/start. */
    int port();

    /** The application database's name. */
    String database();

    /** JDBC URL of the application database, without credentials. */
    String jdbcUrl();

    /** The application user, owner of {@link #database()}. */
    String username();

    /** The application user's password. */
    String password();
}
