package io.agentobs.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Rows in PostgreSQL's {@code COPY … FROM STDIN} text format: tab-separated, {@code \N} for null, escapes. */
final class CopyText {

    static final String NULL = "\\N";

    private CopyText() {
    }

    /** The rows as the UTF-8 bytes of one COPY. */
    static byte[] of(List<ActionRow> rows) {
        return of(rows, 0, rows.size());
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as the UTF-8 bytes of one COPY. */
    static byte[] of(List<ActionRow> rows, int from, int to) {
        StringBuilder out = new StringBuilder((to - from) * 256);
        for (int i = from; i < to; i++) {
            rows.get(i).appendCopyLine(out);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends a text value with backslash, tab, newline and carriage return escaped. */
    static StringBuilder escaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }
}
