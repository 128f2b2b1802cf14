package io.agentobs.dbwriter.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** What a failed write means: duplicate, one bad row (and which), or transient. */
class PostgresErrorsTest {

    @Test
    void uniqueViolationIsADuplicateKey() {
        assertThat(PostgresErrors.classify(server("23505", "duplicate key value", null))).isEqualTo(PostgresErrors.Kind.DUPLICATE_KEY);
    }

    @Test
    void dataExceptionsAndConstraintViolationsAreBadRows() {
        assertThat(PostgresErrors.classify(server("22008", "timestamp out of range", null))).isEqualTo(PostgresErrors.Kind.BAD_ROW);
        assertThat(PostgresErrors.classify(server("23514", "violates check constraint", null))).isEqualTo(PostgresErrors.Kind.BAD_ROW);
        assertThat(PostgresErrors.classify(server("54000", "index row size exceeds maximum", null))).isEqualTo(PostgresErrors.Kind.BAD_ROW);
    }

    @Test
    void connectionLossShutdownSerializationAndUnknownFailuresAreTransient() {
        assertThat(PostgresErrors.classify(server("57P01", "terminating connection due to administrator command", null)))
                .isEqualTo(PostgresErrors.Kind.TRANSIENT);
        assertThat(PostgresErrors.classify(server("40001", "could not serialize access", null))).isEqualTo(PostgresErrors.Kind.TRANSIENT);
        assertThat(PostgresErrors.classify(new SQLTransientConnectionException("pool timeout", "08001")))
                .isEqualTo(PostgresErrors.Kind.TRANSIENT);
        assertThat(PostgresErrors.classify(new SQLException("no state"))).isEqualTo(PostgresErrors.Kind.TRANSIENT);
        assertThat(PostgresErrors.classify(new ConnectException("refused"))).isEqualTo(PostgresErrors.Kind.TRANSIENT);
    }

    @Test
    void copyErrorNamesTheLineOfTheBadRow() {
        PSQLException error = server("22008", "timestamp out of range: \"300000-01-01\"",
                "COPY agent_actions, line 57, column event_time: \"300000-01-01T00:00+00\"");
        assertThat(PostgresErrors.copyLine(error)).hasValue(57);
        assertThat(PostgresErrors.copyLine(server("22008", "x", null))).isEmpty();
        assertThat(PostgresErrors.copyLine(new SQLException("plain"))).isEmpty();
    }

    @Test
    void descriptionCarriesTheServerMessageAndState() {
        String text = PostgresErrors.describe(server("22008", "timestamp out of range", "COPY agent_actions, line 1"));
        assertThat(text).isEqualTo("PostgreSQL refused the row: timestamp out of range [SQLSTATE 22008]");
    }

    private static PSQLException server(String state, String message, String where) {
        StringBuilder fields = new StringBuilder("SERROR\0C").append(state).append("\0M").append(message).append('\0');
        if (where != null) {
            fields.append('W').append(where).append('\0');
        }
        return new PSQLException(new ServerErrorMessage(fields.toString()));
    }
}
