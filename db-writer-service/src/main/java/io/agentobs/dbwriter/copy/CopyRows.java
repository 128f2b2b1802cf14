package io.agentobs.dbwriter.copy;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import io.agentobs.events.codec.EventJson;

import org.postgresql.copy.CopyIn;

import tools.jackson.databind.ObjectWriter;

/**
 * Rows in PostgreSQL's {@code COPY ... FROM STDIN} text format, built as UTF-8 bytes: columns separated by tabs,
 * rows ended by newlines, {@code \N} for null, and backslash, tab, newline and carriage return escaped.
 *
 * <p>Call one value method per column in the table's column order, then {@link #endRow()}. Line {@code n} of a
 * COPY error message is row {@code n - 1} here.
 */
public final class CopyRows {

    private static final ObjectWriter JSON = EventJson.mapper().writer();
    private static final int FIRST_FOUR_DIGIT_YEAR = 1;
    private static final int LAST_FOUR_DIGIT_YEAR = 9999;

    private byte[] buffer;
    private int length;
    private int rows;
    private boolean atRowStart = true;

    public CopyRows(int initialBytes) {
        this.buffer = new byte[Math.max(initialBytes, 64)];
    }

    /** A text column. */
    public CopyRows text(String value) {
        if (value == null) {
            return nullValue();
        }
        separate();
        escaped(value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A uuid column. */
    public CopyRows uuid(UUID value) {
        if (value == null) {
            return nullValue();
        }
        separate();
        ascii(value.toString());
        return this;
    }

    /** A timestamptz column, as ISO-8601 in UTC; years outside 1–9999 in the form PostgreSQL reads for them. */
    public CopyRows timestamp(Instant value) {
        if (value == null) {
            return nullValue();
        }
        separate();
        LocalDateTime utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        int year = utc.getYear();
        if (year >= FIRST_FOUR_DIGIT_YEAR && year <= LAST_FOUR_DIGIT_YEAR) {
            ascii(value.toString());
        } else if (year > LAST_FOUR_DIGIT_YEAR) {
            ascii(year + utc.toString().substring(utc.toString().indexOf('-', 1)) + "+00");
        } else {
            // ISO year 0 is 1 BC, -1 is 2 BC…
            ascii(utc.withYear(1 - year).toString() + "+00 BC");
        }
        return this;
    }

    /** A bigint column. */
    public CopyRows number(Long value) {
        return value == null ? nullValue() : plain(Long.toString(value));
    }

    /** An integer column. */
    public CopyRows number(Integer value) {
        return value == null ? nullValue() : plain(Integer.toString(value));
    }

    /** A double precision column. */
    public CopyRows number(Double value) {
        return value == null ? nullValue() : plain(Double.toString(value));
    }

    /** A boolean column. */
    public CopyRows bool(Boolean value) {
        return value == null ? nullValue() : plain(value ? "t" : "f");
    }

    /** A jsonb column holding {@code value} written as JSON; null stays SQL NULL. */
    public CopyRows json(Object value) {
        if (value == null) {
            return nullValue();
        }
        separate();
        escaped(JSON.writeValueAsBytes(value));
        return this;
    }

    /** SQL NULL. */
    public CopyRows nullValue() {
        separate();
        ensure(2);
        buffer[length++] = '\\';
        buffer[length++] = 'N';
        return this;
    }

    /** Ends the current row. */
    public void endRow() {
        ensure(1);
        buffer[length++] = '\n';
        rows++;
        atRowStart = true;
    }

    /** Rows ended so far. */
    public int rows() {
        return rows;
    }

    /** Bytes written so far. */
    public int length() {
        return length;
    }

    /** Sends the rows to a running {@code COPY … FROM STDIN}. */
    public void copyTo(CopyIn copy) throws SQLException {
        copy.writeToCopy(buffer, 0, length);
    }

    /** The rows' bytes (a copy), for tests. */
    public byte[] toBytes() {
        return Arrays.copyOf(buffer, length);
    }

    /** Forgets every row, keeping the buffer. */
    public void clear() {
        length = 0;
        rows = 0;
        atRowStart = true;
    }

    private CopyRows plain(String value) {
        separate();
        ascii(value);
        return this;
    }

    private void separate() {
        if (!atRowStart) {
            ensure(1);
            buffer[length++] = '\t';
        }
        atRowStart = false;
    }

    private void ascii(String value) {
        int n = value.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) value.charAt(i);
        }
    }

    /** UTF-8 bytes with COPY's escapes; multi-byte sequences never contain these ASCII bytes, so bytewise is safe. */
    private void escaped(byte[] utf8) {
        ensure(utf8.length * 2);
        for (byte b : utf8) {
            switch (b) {
                case '\\' -> {
                    buffer[length++] = '\\';
                    buffer[length++] = '\\';
                }
                case '\t' -> {
                    buffer[length++] = '\\';
                    buffer[length++] = 't';
                }
                case '\n' -> {
                    buffer[length++] = '\\';
                    buffer[length++] = 'n';
                }
                case '\r' -> {
                    buffer[length++] = '\\';
                    buffer[length++] = 'r';
                }
                default -> buffer[length++] = b;
            }
        }
    }

    private void ensure(int extra) {
        if (length + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }
}
