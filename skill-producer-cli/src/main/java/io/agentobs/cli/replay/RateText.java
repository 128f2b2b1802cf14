package io.agentobs.cli.replay;

import io.agentobs.cli.UsageException;

import java.util.regex.Pattern;

/** Reads {@code --rate}: records per second as {@code 100/s} or {@code 100}, fractions allowed ({@code 0.5/s}). */
final class RateText {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,15}(\\.\\d{1,9})?");

    private RateText() {
    }

    /**
     * The rate in records per second; null stays null (no limit).
     *
     * @throws UsageException when the text is not a positive number, optionally followed by {@code /s}
     */
    static Double parse(String text) throws UsageException {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        if (value.endsWith("/s")) {
            value = value.substring(0, value.length() - 2).trim();
        }
        if (!NUMBER.matcher(value).matches()) {
            throw invalid(text);
        }
        double rate = Double.parseDouble(value);
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw invalid(text);
        }
        return rate;
    }

    private static UsageException invalid(String text) {
        return new UsageException("--rate must be a positive number of records per second, e.g. 500/s, got '"
                + text + "'");
    }
}
