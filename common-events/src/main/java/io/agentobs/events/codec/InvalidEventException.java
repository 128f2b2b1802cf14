package io.agentobs.events.codec;

import java.util.List;

/**
 * A record value that is not a valid event: a data error that retrying cannot fix, so consumers send the record to
 * its dead-letter topic at once, with {@link #kind()} in header {@code x-error-class} and {@link #getMessage()}
 * (every field error, bounded to {@value #MAX_MESSAGE_LENGTH} characters) in {@code x-error-message}.
 *
 * <p>Checked on purpose: every caller of {@code EventCodec.decode} must decide where bad data goes. No stack trace is
 * captured — the cause is the data, not the code path, and bad records can arrive at full consumer speed.
 */
public class InvalidEventException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Longest {@link #getMessage()}, so the text fits comfortably in a Kafka header and a log line. */
    public static final int MAX_MESSAGE_LENGTH = 1000;

    /** Which stage of decoding rejected the value. */
    public enum Kind {
        /** Larger than the codec's payload limit; nothing else was read. */
        TOO_LARGE,
        /** Not well-formed UTF-8; the error names the byte offset. */
        NOT_UTF8,
        /** Empty, or not parseable as JSON (also a Debezium {@code payload} string that is not JSON). */
        MALFORMED_JSON,
        /** Well-formed JSON that breaks the event schema; one {@link FieldError} per problem. */
        SCHEMA_INVALID
    }

    /** Room kept for the "; ... (N more)" tail when errors are left out. */
    private static final int MORE_RESERVE = 24;
    private static final String CUT = "...";

    private final Kind kind;
    private final List<FieldError> errors;

    public InvalidEventException(Kind kind, List<FieldError> errors) {
        this(kind, errors, null);
    }

    public InvalidEventException(Kind kind, List<FieldError> errors, Throwable cause) {
        super(summarize(kind, errors), cause, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid event needs at least one error");
        }
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public InvalidEventException(Kind kind, FieldError error) {
        this(kind, List.of(error), null);
    }

    public InvalidEventException(Kind kind, FieldError error, Throwable cause) {
        this(kind, List.of(error), cause);
    }

    /** Which stage rejected the value; stable names for the {@code x-error-class} DLQ header and metrics tags. */
    public Kind kind() {
        return kind;
    }

    /** Every problem found, in document order; never empty. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String summarize(Kind kind, List<FieldError> errors) {
        StringBuilder text = new StringBuilder(kind.name()).append(": ");
        for (int i = 0; i < errors.size(); i++) {
            boolean last = i == errors.size() - 1;
            String item = (i == 0 ? "" : "; ") + errors.get(i);
            if (text.length() + item.length() <= MAX_MESSAGE_LENGTH - (last ? 0 : MORE_RESERVE)) {
                text.append(item);
                continue;
            }
            int shown = i;
            if (i == 0) {
                int room = MAX_MESSAGE_LENGTH - (last ? 0 : MORE_RESERVE) - text.length() - CUT.length();
                text.append(item, 0, room).append(CUT);
                shown = 1;
            }
            if (shown < errors.size()) {
                text.append("; ").append(CUT).append(" (").append(errors.size() - shown).append(" more)");
            }
            break;
        }
        return text.toString();
    }
}
