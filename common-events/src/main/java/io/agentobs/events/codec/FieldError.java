package io.agentobs.events.codec;

import java.io.Serializable;
import java.util.Objects;

/**
 * One reason an event was rejected: the JSON path of the offending field ({@code alternatives[1].confidence_score},
 * or {@value #ROOT} for the payload as a whole) and what is wrong with it.
 */
public record FieldError(String field, String message) implements Serializable {

    /** The path naming the whole payload rather than one field. */
    public static final String ROOT = "$";

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** An error about the payload as a whole. */
    public static FieldError root(String message) {
        return new FieldError(ROOT, message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
