package io.agentobs.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the durations options take: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d} or ISO-8601. */
public final class DurationText {

    private DurationText() {
    }

    /**
     * The duration the text names (any case, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException when the text is none of the accepted forms or overflows
     */
    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("no unit in '" + text + "'");
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException | ArithmeticException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "'", e);
        }
    }
}
