package io.agentobs.infra;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run an embedded PostgreSQL server.
 *
 * @param port           port, or 0 for a free one chosen at first start
 * @param dataDirectory  data directory kept across runs, or empty for a temporary one deleted on close
 * @param pidFile        where to record the postmaster's pid so a later start can stop one orphaned by a
 *                       killed JVM; empty for none
 * @param database       application database, created on first start
 * @param username       application user, owner of the database
 * @param password       the application user's password
 */
public record PostgresOptions(int port, Optional<Path> dataDirectory, Optional<Path> pidFile,
                              String database, String username, String password) {

    private static final String NAME = "agentobs";

    public PostgresOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (random) or 1-65535, was " + port);
        }
    }

    /** For tests: a free port, a temporary data directory, no pid file. */
    public static PostgresOptions randomPort() {
        return new PostgresOptions(0, Optional.empty(), Optional.empty(), NAME, NAME, NAME);
    }

    /** For the local stack: the given port and a pid file {@code <java.io.tmpdir>/agentobs-infra/postgres-<port>.pid}. */
    public static PostgresOptions fixedPort(int port) {
        return randomPort().withPort(port).withPidFile(PidFile.defaultPath("postgres", port));
    }

    public PostgresOptions withPort(int newPort) {
        return new PostgresOptions(newPort, dataDirectory, pidFile, database, username, password);
    }

    public PostgresOptions withDataDirectory(Path directory) {
        return new PostgresOptions(port, Optional.of(directory), pidFile, database, username, password);
    }

    public PostgresOptions withPidFile(Path file) {
        return new PostgresOptions(port, dataDirectory, Optional.of(file), database, username, password);
    }
}
