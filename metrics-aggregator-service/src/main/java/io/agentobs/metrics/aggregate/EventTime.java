package io.agentobs.metrics.aggregate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Epoch milliseconds of a validated event's {@code timestamp}: the usual UTC form
 * ({@code 2025-10-20T18:30:00.123Z}, any number of fraction digits) read by hand, every other form the validator
 * accepts (an offset, a signed year) by {@code java.time}. The same instant the bound event holds, truncated to the
 * millisecond as {@link java.time.Instant#toEpochMilli()} does.
 */
final class EventTime {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);
    /** {@code yyyy-MM-ddTHH:mm:ssZ}. */
    private static final int SHORTEST = 20;
    private static final int FRACTION_START = 19;

    private EventTime() {
    }

    static long epochMillis(String text) {
        int length = text.length();
        char zone = text.charAt(length - 1);
        if (length >= SHORTEST && (zone == 'Z' || zone == 'z') && text.charAt(4) == '-' && text.charAt(7) == '-'
                && (text.charAt(10) == 'T' || text.charAt(10) == 't') && text.charAt(13) == ':'
                && text.charAt(16) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int millis = fractionMillis(text, length - 1);
            if ((year | month | day | hour | minute | second | millis) >= 0) {
                long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L
                        + second;
                return seconds * 1000 + millis;
            }
        }
        return OffsetDateTime.parse(text, FORMAT).toInstant().toEpochMilli();
    }

    /** The fraction between {@code .} and the zone as milliseconds; 0 without one; -1 when it is not digits. */
    private static int fractionMillis(String text, int end) {
        if (end == FRACTION_START) {
            return 0;
        }
        if (text.charAt(FRACTION_START) != '.' || end == FRACTION_START + 1) {
            return -1;
        }
        int millis = 0;
        int read = 0;
        for (int i = FRACTION_START + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (read < 3) {
                millis = millis * 10 + (c - '0');
                read++;
            }
        }
        for (; read < 3; read++) {
            millis *= 10;
        }
        return millis;
    }

    /** The decimal number of {@code count} digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
