package io.agentobs.cli.simulate;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A reusable, allocation-light JSON text builder for generated events: objects, arrays, strings, integers,
 * three-decimal numbers and UTC timestamps, with commas placed automatically. Property names are written as given
 * (they are constant snake_case identifiers); string values are escaped.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int DECIMAL_SCALE = 1000;

    private final StringBuilder out = new StringBuilder(2048);
    private boolean commaPending;

    /** Starts a new document, discarding the previous one. */
    JsonWriter reset() {
        out.setLength(0);
        commaPending = false;
        return this;
    }

    /** The document as UTF-8 bytes. */
    byte[] toUtf8() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    JsonWriter beginObject() {
        separate();
        out.append('{');
        commaPending = false;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        commaPending = true;
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        commaPending = false;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        commaPending = true;
        return this;
    }

    /** Writes a property name; the next call writes its value. */
    JsonWriter name(String name) {
        separate();
        out.append('"').append(name).append("\":");
        commaPending = false;
        return this;
    }

    JsonWriter value(String text) {
        separate();
        quote(text);
        commaPending = true;
        return this;
    }

    JsonWriter value(long number) {
        separate();
        out.append(number);
        commaPending = true;
        return this;
    }

    JsonWriter value(boolean flag) {
        separate();
        out.append(flag);
        commaPending = true;
        return this;
    }

    /** Writes {@code number} rounded to three decimals, without trailing zeros but with at least one ({@code 1.0}). */
    JsonWriter decimal(double number) {
        separate();
        long scaled = Math.round(number * DECIMAL_SCALE);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / DECIMAL_SCALE).append('.');
        int fraction = (int) (scaled % DECIMAL_SCALE);
        if (fraction == 0) {
            out.append('0');
        } else {
            out.append((char) ('0' + fraction / 100));
            if (fraction % 100 != 0) {
                out.append((char) ('0' + fraction / 10 % 10));
                if (fraction % 10 != 0) {
                    out.append((char) ('0' + fraction % 10));
                }
            }
        }
        commaPending = true;
        return this;
    }

    /** Writes {@code epochMillis} as an ISO-8601 UTC timestamp string. */
    JsonWriter timestamp(long epochMillis) {
        separate();
        out.append('"');
        UtcTimestamps.append(out, epochMillis);
        out.append('"');
        commaPending = true;
        return this;
    }

    /** Writes pre-rendered JSON text as one value. */
    JsonWriter raw(String json) {
        separate();
        out.append(json);
        commaPending = true;
        return this;
    }

    JsonWriter field(String name, String text) {
        return name(name).value(text);
    }

    JsonWriter field(String name, long number) {
        return name(name).value(number);
    }

    JsonWriter field(String name, boolean flag) {
        return name(name).value(flag);
    }

    JsonWriter decimalField(String name, double number) {
        return name(name).decimal(number);
    }

    JsonWriter timestampField(String name, long epochMillis) {
        return name(name).timestamp(epochMillis);
    }

    JsonWriter stringArrayField(String name, List<String> items) {
        name(name).beginArray();
        for (int i = 0; i < items.size(); i++) {
            value(items.get(i));
        }
        return endArray();
    }

    private void separate() {
        if (commaPending) {
            out.append(',');
        }
    }

    private void quote(String text) {
        out.append('"');
        int first = firstToEscape(text);
        if (first < 0) {
            // The usual case: one bulk copy.
            out.append(text).append('"');
            return;
        }
        int length = text.length();
        int from = 0;
        for (int i = first; i < length; i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                continue;
            }
            out.append(text, from, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            from = i + 1;
        }
        out.append(text, from, length).append('"');
    }

    private static int firstToEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (needsEscape(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\';
    }
}
