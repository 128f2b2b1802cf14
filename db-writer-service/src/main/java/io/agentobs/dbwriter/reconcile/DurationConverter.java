package io.agentobs.dbwriter.reconcile;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations as people write them ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}) or ISO-8601. */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /**
     * The duration {@code text} stands for, never negative.
     *
     * @throws IllegalArgumentException when it is neither the short form nor ISO-8601
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (SHORT.matcher(trimmed).matches()) {
            try {
                Duration total = Duration.ZERO;
                Matcher part = PART.matcher(trimmed);
                while (part.find()) {
                    total = total.plus(unit(Long.parseLong(part.group(1)), part.group(2)));
                }
                return total;
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is too long a duration");
            }
        }
        if (trimmed.startsWith("p")) {
            try {
                Duration iso = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
                if (!iso.isNegative()) {
                    return iso;
                }
            } catch (DateTimeParseException e) {
                // reported below, with the accepted forms
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration; use 500ms, 30s, 5m, 1h30m, 2d or "
                + "ISO-8601 like PT5M");
    }

    private static Duration unit(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
