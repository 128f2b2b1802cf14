package io.agentobs.cli.simulate;

import java.time.Instant;

/** Writes epoch milliseconds as ISO-8601 UTC instants with milliseconds ({@code 2025-10-20T18:30:00.123Z}), fast. */
final class UtcTimestamps {

    private static final long MILLIS_PER_SECOND = 1000;
    private static final long SECONDS_PER_DAY = 86_400;
    /** Days from 0000-03-01 to 1970-01-01, for the civil-from-days conversion. */
    private static final long EPOCH_SHIFT_DAYS = 719_468;
    private static final long DAYS_PER_ERA = 146_097;
    private static final int MAX_FOUR_DIGIT_YEAR = 9999;

    private UtcTimestamps() {
    }

    /** Appends {@code epochMillis} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}; years outside 0000-9999 as {@link Instant}. */
    static void append(StringBuilder out, long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, MILLIS_PER_SECOND);
        int millis = (int) Math.floorMod(epochMillis, MILLIS_PER_SECOND);
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);

        // Civil date from days since the epoch (proleptic Gregorian, eras of 400 years starting in March).
        long shifted = days + EPOCH_SHIFT_DAYS;
        long era = Math.floorDiv(shifted, DAYS_PER_ERA);
        long dayOfEra = shifted - era * DAYS_PER_ERA;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > MAX_FOUR_DIGIT_YEAR) {
            out.append(Instant.ofEpochMilli(epochMillis));
            return;
        }
        appendDigits(out, (int) year, 4);
        out.append('-');
        appendDigits(out, month, 2);
        out.append('-');
        appendDigits(out, day, 2);
        out.append('T');
        appendDigits(out, secondOfDay / 3600, 2);
        out.append(':');
        appendDigits(out, secondOfDay / 60 % 60, 2);
        out.append(':');
        appendDigits(out, secondOfDay % 60, 2);
        out.append('.');
        appendDigits(out, millis, 3);
        out.append('Z');
    }

    private static void appendDigits(StringBuilder out, int value, int width) {
        int divisor = 1;
        for (int i = 1; i < width; i++) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
    }
}
