package io.agentobs.events.codec;

import java.util.Locale;

/** Finds characters PostgreSQL {@code text} and {@code jsonb} cannot store: NUL and unpaired UTF-16 surrogates. */
final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, naming the first offending character; null when it can be. */
    static String problem(String text) {
        int bad = firstUnstorable(text);
        if (bad < 0) {
            return null;
        }
        char c = text.charAt(bad);
        if (c == 0) {
            return "contains a NUL character (\\u0000), which storage cannot hold";
        }
        return "contains a lone UTF-16 surrogate (" + escape(c) + ") at character " + bad
                + ", which storage cannot hold";
    }

    /** Appends {@code text} with every character storage cannot hold written as a {@code \}{@code uXXXX} escape. */
    static void appendEscaped(String text, StringBuilder out) {
        int from = 0;
        for (int bad = firstUnstorable(text); bad >= 0; bad = firstUnstorable(text, from)) {
            out.append(text, from, bad).append(escape(text.charAt(bad)));
            from = bad + 1;
        }
        out.append(text, from, text.length());
    }

    private static int firstUnstorable(String text) {
        return firstUnstorable(text, 0);
    }

    /** Index of the first NUL or unpaired surrogate at or after {@code from}, or -1. */
    private static int firstUnstorable(String text, int from) {
        int length = text.length();
        for (int i = from; i < length; i++) {
            char c = text.charAt(i);
            if (c != 0 && c < Character.MIN_SURROGATE) {
                continue;
            }
            if (c == 0) {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String escape(char c) {
        return String.format(Locale.ROOT, "\\u%04X", (int) c);
    }
}
