package io.agentobs.events.codec;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

import java.util.Locale;

/** Wording of JSON values and parse failures in error messages. */
final class JsonTypes {

    private static final int MAX_VALUE_EXCERPT = 80;

    private JsonTypes() {
    }

    /** The JSON type of {@code node} and, for scalars, a bounded excerpt: {@code string "abc"}, {@code number 1.5}. */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case NULL -> "null";
            case STRING -> "string " + excerpt(node);
            case NUMBER -> "number " + excerpt(node);
            case BOOLEAN -> "boolean " + node.booleanValue();
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** {@code node} as JSON text, cut to a readable length. */
    static String excerpt(JsonNode node) {
        String text = node.toString();
        return text.length() <= MAX_VALUE_EXCERPT ? text : text.substring(0, MAX_VALUE_EXCERPT) + "...";
    }

    /** Jackson's reason as {@link #explain(JacksonException)} words it, else the exception's type and message. */
    static String explain(RuntimeException failure) {
        if (failure instanceof JacksonException jackson) {
            return explain(jackson);
        }
        StringBuilder text = new StringBuilder("unexpected ").append(failure.getClass().getSimpleName());
        if (failure.getMessage() != null) {
            StorableText.appendEscaped(failure.getMessage(), text.append(": "));
        }
        return text.toString();
    }

    /** Jackson's reason for a parse failure followed by its line and column, without an echo of the input. */
    static String explain(JacksonException failure) {
        TokenStreamLocation location = failure.getLocation();
        String reason = failure.getOriginalMessage();
        if (location == null || location == TokenStreamLocation.NA) {
            return reason;
        }
        return reason + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
