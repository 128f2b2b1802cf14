package io.agentobs.dbwriter.write;

import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Classifies what PostgreSQL said about a write, once for the whole service (STYLE §5): a duplicate key, bad data
 * in one row (SQLSTATE classes 22 "data exception" and 23 "integrity constraint violation", and 54 "program limit
 * exceeded" such as an oversized index row), or anything else, which is transient: connection loss, a restart,
 * timeouts, serialization failures and lock timeouts are retried until they pass.
 */
public final class PostgresErrors {

    /** What a failed statement means for the batch. */
    public enum Kind {
        /** A row's event_id is already stored (or appears twice): write with {@code ON CONFLICT DO NOTHING}. */
        DUPLICATE_KEY,
        /** One row can never be stored: it goes to the dead-letter topic. */
        BAD_ROW,
        /** The database could not take the write now: retry the batch. */
        TRANSIENT
    }

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)");

    private PostgresErrors() {
    }

    /** The kind of a failure, from the SQLSTATE of the first exception in the chain that has one. */
    public static Kind classify(Throwable failure) {
        String state = sqlState(failure);
        if (state == null) {
            return Kind.TRANSIENT;
        }
        if (UNIQUE_VIOLATION.equals(state)) {
            return Kind.DUPLICATE_KEY;
        }
        if (state.startsWith("22") || state.startsWith("23") || state.startsWith("54")) {
            return Kind.BAD_ROW;
        }
        return Kind.TRANSIENT;
    }

    /** The 1-based line of the COPY data a COPY error names, if it names one. */
    public static OptionalInt copyLine(Throwable failure) {
        ServerErrorMessage server = serverMessage(failure);
        if (server == null || server.getWhere() == null) {
            return OptionalInt.empty();
        }
        Matcher matcher = COPY_LINE.matcher(server.getWhere());
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** The server's own words for a bad row, for the dead letter's {@code x-error-message}. */
    public static String describe(Throwable failure) {
        ServerErrorMessage server = serverMessage(failure);
        if (server == null) {
            return "PostgreSQL refused the row: " + failure.getMessage();
        }
        StringBuilder text = new StringBuilder("PostgreSQL refused the row: ").append(server.getMessage());
        if (server.getDetail() != null) {
            text.append(" (").append(server.getDetail()).append(')');
        }
        if (server.getColumn() != null) {
            text.append(", column ").append(server.getColumn());
        }
        if (server.getConstraint() != null) {
            text.append(", constraint ").append(server.getConstraint());
        }
        return text.append(" [SQLSTATE ").append(server.getSQLState()).append(']').toString();
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static ServerErrorMessage serverMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage();
            }
        }
        return null;
    }
}
