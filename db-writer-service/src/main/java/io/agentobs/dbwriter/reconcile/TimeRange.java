package io.agentobs.dbwriter.reconcile;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The event-time window {@code [from, to)} a reconcile run compares: the events' {@code timestamp} field, stored as
 * {@code event_time}.
 *
 * @param from first instant in the window
 * @param to first instant after it
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from (" + from + ") must be before --to (" + to + ")");
        }
    }

    /**
     * The window of the command line: {@code to} an instant, or {@code now} when blank; {@code from} an instant or a
     * duration back from {@code to} ({@code 1h}, {@code PT30M}).
     *
     * @throws IllegalArgumentException naming the option when a value is neither, or the window is empty
     */
    public static TimeRange parse(String from, String to, Instant now) {
        Instant end = to == null || to.isBlank() ? now : instant("--to", to);
        Instant start = instantOrNull(from);
        if (start == null) {
            try {
                start = end.minus(DurationConverter.parse(from));
            } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
                throw new IllegalArgumentException(describe("--from", from, true), e);
            }
        }
        return new TimeRange(start, end);
    }

    /** Whether {@code time} is in {@code [from, to)}. */
    public boolean contains(Instant time) {
        return !time.isBefore(from) && time.isBefore(to);
    }

    private static Instant instant(String option, String text) {
        Instant instant = instantOrNull(text);
        if (instant == null) {
            throw new IllegalArgumentException(describe(option, text, false));
        }
        return instant;
    }

    /** An ISO instant ({@code Z}), a date-time with an offset, or a date (its midnight UTC); null for anything else. */
    private static Instant instantOrNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String describe(String option, String text, boolean durationAllowed) {
        return option + " must be an instant like 2026-11-24T00:00:00Z" + (durationAllowed
                ? " or a duration back from --to like 1h" : "") + ", got '" + text + "'";
    }
}
