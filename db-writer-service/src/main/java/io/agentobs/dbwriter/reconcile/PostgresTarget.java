package io.agentobs.dbwriter.reconcile;

import java.util.Map;

/**
 * Which PostgreSQL to read and as whom: from the service's environment variables ({@code POSTGRES_HOST},
 * {@code POSTGRES_PORT}, {@code POSTGRES_DATABASE}, {@code POSTGRES_USER}, {@code POSTGRES_PASSWORD},
 * {@code POSTGRES_SSL_MODE}, with the defaults of application.yml), each part replaceable from the command line.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database?…}
 * @param user the user name
 * @param password the password, empty for none; never in {@link #toString()}
 */
public record PostgresTarget(String jdbcUrl, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql://";

    /** The database the db-writer of this environment writes to. */
    public static PostgresTarget fromEnvironment(Map<String, String> env) {
        String database = valueOr(env, "POSTGRES_DATABASE", valueOr(env, "POSTGRES_DB", "agentobs"));
        String url = PREFIX + valueOr(env, "POSTGRES_HOST", "localhost") + ":" + valueOr(env, "POSTGRES_PORT", "5432")
                + "/" + database + "?sslmode=" + valueOr(env, "POSTGRES_SSL_MODE", "prefer");
        return new PostgresTarget(url, valueOr(env, "POSTGRES_USER", "agentobs"),
                env.getOrDefault("POSTGRES_PASSWORD", ""));
    }

    /** This target with each non-null argument in place of its part. */
    public PostgresTarget with(String newJdbcUrl, String newUser, String newPassword) {
        return new PostgresTarget(newJdbcUrl != null ? newJdbcUrl : jdbcUrl, newUser != null ? newUser : user,
                newPassword != null ? newPassword : password);
    }

    /** Whether the URL is one the PostgreSQL driver takes. */
    public boolean isPostgresUrl() {
        return jdbcUrl.startsWith(PREFIX);
    }

    /** {@code host:port/database}, for messages: the URL without its scheme and parameters. */
    public String address() {
        String rest = jdbcUrl.startsWith(PREFIX) ? jdbcUrl.substring(PREFIX.length()) : jdbcUrl;
        int parameters = rest.indexOf('?');
        return parameters < 0 ? rest : rest.substring(0, parameters);
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    @Override
    public String toString() {
        return "PostgresTarget[" + address() + ", user=" + user + "]";
    }
}
