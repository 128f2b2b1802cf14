package io.agentobs.dbwriter.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The COPY text format: separators, NULL, escapes and the values PostgreSQL reads back. */
class CopyRowsTest {

    @Test
    void columnsAreTabSeparatedRowsNewlineEndedAndNullIsBackslashN() {
        UUID id = UUID.fromString("3f2a9c4e-8b1d-4e6f-9a2b-1c3d5e7f9a0b");
        CopyRows rows = new CopyRows(16);
        rows.uuid(id).text("a").number(42L).number(7).number(0.5).bool(true).bool(null).endRow();
        rows.text(null).bool(false).endRow();

        assertThat(text(rows)).isEqualTo(id + "\ta\t42\t7\t0.5\tt\t\\N\n\\N\tf\n");
        assertThat(rows.rows()).isEqualTo(2);
    }

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscapedAndUnicodeKept() {
        CopyRows rows = new CopyRows(1);
        rows.text("a\\b\tc\nd\re ünï 😀").endRow();
        assertThat(text(rows)).isEqualTo("a\\\\b\\tc\\nd\\re ünï 😀\n");
    }

    @Test
    void jsonIsWrittenAsJsonTextWithItsBackslashesEscaped() {
        CopyRows rows = new CopyRows(8);
        rows.json(Map.of("k", List.of("line\nbreak", 1))).json(null).endRow();
        assertThat(text(rows)).isEqualTo("{\"k\":[\"line\\\\nbreak\",1]}\t\\N\n");
    }

    @Test
    void timestampsAreIsoUtcAndYearsBeyondFourDigitsAreWrittenAsPostgresReadsThem() {
        CopyRows rows = new CopyRows(8);
        rows.timestamp(Instant.parse("2025-10-20T18:30:00.123Z")).endRow();
        rows.timestamp(Instant.parse("+300000-01-01T00:00:00Z")).endRow();
        rows.timestamp(Instant.parse("-0001-06-01T12:00:00Z")).endRow();
        assertThat(text(rows)).isEqualTo("2025-10-20T18:30:00.123Z\n300000-01-01T00:00+00\n0002-06-01T12:00+00 BC\n");
    }

    @Test
    void clearForgetsRowsAndKeepsWorking() {
        CopyRows rows = new CopyRows(4);
        rows.text("x".repeat(100)).endRow();
        rows.clear();
        rows.text("y").endRow();
        assertThat(text(rows)).isEqualTo("y\n");
        assertThat(rows.length()).isEqualTo(2);
    }

    private static String text(CopyRows rows) {
        return new String(rows.toBytes(), StandardCharsets.UTF_8);
    }
}
