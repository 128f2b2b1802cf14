package io.agentobs.events.codec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * The one wire format of {@code timestamp}: an RFC 3339 / ISO-8601 date-time with seconds, optional fraction and a
 * mandatory {@code Z} or {@code ±HH:MM} offset, normalised to a UTC {@link Instant}; written back as
 * {@link DateTimeFormatter#ISO_INSTANT}. Shared by the validator and the JSON mapper so they cannot disagree.
 */
final class TimestampFormat {

    /** An accepted value, quoted in error messages. */
    static final String EXAMPLE = "2025-10-20T18:30:00.123Z";

    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private TimestampFormat() {
    }

    /** Parses {@code text}, converting any offset to UTC; throws if it has no offset or is not a date-time. */
    static Instant parse(String text) {
        return OffsetDateTime.parse(text, PARSER).toInstant();
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Why {@code text} is not an accepted timestamp, for an error message. */
    static String explainRejection(String text) {
        if (isLocalDateTime(text)) {
            return "must carry 'Z' or an explicit UTC offset (e.g. " + EXAMPLE + " or 2025-10-20T20:30:00+02:00); "
                    + "a local time without offset is ambiguous";
        }
        return "must be an ISO-8601 instant with 'Z' or an explicit offset, e.g. " + EXAMPLE;
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException notLocal) {
            return false;
        }
    }
}
