package io.agentobs.events.codec;

import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The one wire format of {@code timestamp}: an RFC 3339 / ISO-8601 date-time with seconds, optional fraction and a
 * mandatory {@code Z} or {@code ±HH:MM} offset, normalised to a UTC {@link Instant}; written back as
 * {@link DateTimeFormatter#ISO_INSTANT}. Shared by the validator and the JSON mapper so they cannot disagree.
 */
final class TimestampFormat {

    /** An accepted value, quoted in error messages. */
    static final String EXAMPLE = "2025-10-20T18:30:00.123Z";

    private static final int YEAR_DIGITS = 4;
    private static final int MAX_YEAR_DIGITS = 10;
    private static final int MAX_FRACTION_DIGITS = 9;
    /** {@code -MM-DDTHH:MM:SS} after the year. */
    private static final int DATE_TIME_LENGTH = 15;
    /** {@code ±HH:MM}. */
    private static final int OFFSET_LENGTH = 6;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;
    private static final int SECONDS_PER_DAY = 86_400;

    private TimestampFormat() {
    }

    /**
     * {@code text} as a UTC instant, any offset applied; null if it has no offset or is not a date-time.
     *
     * <p>Read by hand, without exceptions: bad timestamps arrive at consumer speed, and {@code java.time} parsing was
     * a fifth of decoding time. Accepts exactly what the strict, case-insensitive {@code java.time} formatter
     * {@code ISO_LOCAL_DATE 'T' HH:mm:ss[.0-9 digits] offset("+HH:MM", "Z")} accepts (TimestampFormatTest checks):
     * a four-digit year, or a signed one of up to ten digits; no 24:00, leap second or February 30; offsets to ±18:00.
     */
    static Instant tryParse(String text) {
        int length = text.length();
        if (length == 0) {
            return null;
        }
        char sign = text.charAt(0);
        int yearStart = sign == '+' || sign == '-' ? 1 : 0;
        int pos = yearStart;
        long year = 0;
        while (pos < length && pos - yearStart < MAX_YEAR_DIGITS && isDigit(text.charAt(pos))) {
            year = year * 10 + (text.charAt(pos++) - '0');
        }
        int yearDigits = pos - yearStart;
        // As SignStyle.EXCEEDS_PAD parses strictly: '+' only beyond four digits, '-' never for zero.
        boolean signAllowed = sign == '+' ? yearDigits > YEAR_DIGITS
                : sign == '-' ? year != 0 : yearDigits == YEAR_DIGITS;
        if (yearDigits < YEAR_DIGITS || !signAllowed || length < pos + DATE_TIME_LENGTH) {
            return null;
        }
        if (sign == '-') {
            year = -year;
        }
        if (text.charAt(pos) != '-' || text.charAt(pos + 3) != '-' || Character.toUpperCase(text.charAt(pos + 6)) != 'T'
                || text.charAt(pos + 9) != ':' || text.charAt(pos + 12) != ':') {
            return null;
        }
        int month = twoDigits(text, pos + 1);
        int day = twoDigits(text, pos + 4);
        int hour = twoDigits(text, pos + 7);
        int minute = twoDigits(text, pos + 10);
        int second = twoDigits(text, pos + 13);
        pos += DATE_TIME_LENGTH;
        int nano = 0;
        if (pos < length && text.charAt(pos) == '.') {
            int fractionStart = ++pos;
            while (pos < length && pos - fractionStart < MAX_FRACTION_DIGITS && isDigit(text.charAt(pos))) {
                nano = nano * 10 + (text.charAt(pos++) - '0');
            }
            for (int digits = pos - fractionStart; digits < MAX_FRACTION_DIGITS; digits++) {
                nano *= 10;
            }
        }
        int offsetSeconds = offsetSeconds(text, pos);
        if (offsetSeconds == Integer.MIN_VALUE
                || !ChronoField.YEAR.range().isValidValue(year)
                || month < 1 || month > 12
                || day < 1 || day > Month.of(month).length(IsoChronology.INSTANCE.isLeapYear(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        long epochDay = LocalDate.of((int) year, month, day).toEpochDay();
        long epochSecond = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nano);
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

    /** The offset ending {@code text} at {@code pos} in seconds; {@link Integer#MIN_VALUE} if there is none. */
    private static int offsetSeconds(String text, int pos) {
        if (pos == text.length() - 1 && Character.toUpperCase(text.charAt(pos)) == 'Z') {
            return 0;
        }
        if (pos != text.length() - OFFSET_LENGTH || text.charAt(pos + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        char sign = text.charAt(pos);
        int hours = twoDigits(text, pos + 1);
        int minutes = twoDigits(text, pos + 4);
        int seconds = hours * 3600 + minutes * 60;
        if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || minutes > 59 || seconds > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return sign == '-' ? -seconds : seconds;
    }

    /** The two-digit number at {@code pos}, or -1. */
    private static int twoDigits(String text, int pos) {
        char tens = text.charAt(pos);
        char units = text.charAt(pos + 1);
        return isDigit(tens) && isDigit(units) ? (tens - '0') * 10 + (units - '0') : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** What {@code LocalDateTime.parse(text)} accepts, checked without its exception; only for error messages. */
    private static boolean isLocalDateTime(String text) {
        ParsePosition position = new ParsePosition(0);
        TemporalAccessor fields = DateTimeFormatter.ISO_LOCAL_DATE_TIME.parseUnresolved(text, position);
        if (fields == null || position.getErrorIndex() >= 0 || position.getIndex() != text.length()) {
            return false;
        }
        long year = fields.getLong(ChronoField.YEAR);
        long month = fields.getLong(ChronoField.MONTH_OF_YEAR);
        long day = fields.getLong(ChronoField.DAY_OF_MONTH);
        return ChronoField.YEAR.range().isValidValue(year)
                && month >= 1 && month <= 12
                && day >= 1 && day <= Month.of((int) month).length(IsoChronology.INSTANCE.isLeapYear(year))
                && fields.getLong(ChronoField.HOUR_OF_DAY) <= 23
                && fields.getLong(ChronoField.MINUTE_OF_HOUR) <= 59
                && (!fields.isSupported(ChronoField.SECOND_OF_MINUTE)
                        || fields.getLong(ChronoField.SECOND_OF_MINUTE) <= 59);
    }
}
