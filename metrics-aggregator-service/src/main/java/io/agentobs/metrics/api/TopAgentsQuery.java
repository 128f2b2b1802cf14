package io.agentobs.metrics.api;

import java.util.List;

/**
 * What a top-N request ranks by and how many agents it lists.
 *
 * @param byErrors rank by errors ({@code by=errors}) rather than events ({@code by=volume})
 * @param n how many agents, 1–1000
 */
public record TopAgentsQuery(boolean byErrors, int n) {

    /** The most agents one request may list. */
    public static final int MAX_N = 1000;
    static final List<String> BY = List.of("volume", "errors");

    /**
     * Reads the {@code by} and {@code n} parameters.
     *
     * @param by {@code volume} (the default when null or blank) or {@code errors}
     * @param n an integer 1–1000; {@code defaultN} when null or blank
     * @param defaultN {@code METRICS_TOP_N}
     */
    public static TopAgentsQuery parse(String by, String n, int defaultN) {
        boolean byErrors;
        if (by == null || by.isBlank() || by.trim().equals("volume")) {
            byErrors = false;
        } else if (by.trim().equals("errors")) {
            byErrors = true;
        } else {
            throw new InvalidParameterException("by", by, "unknown ranking '" + by + "'", BY);
        }
        if (n == null || n.isBlank()) {
            return new TopAgentsQuery(byErrors, defaultN);
        }
        int count;
        try {
            count = Integer.parseInt(n.trim());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MAX_N) {
            throw new InvalidParameterException("n", n, "n must be an integer from 1 to " + MAX_N + ", was '" + n + "'",
                    List.of("1–" + MAX_N));
        }
        return new TopAgentsQuery(byErrors, count);
    }

    /** The wire name of the ranking. */
    public String by() {
        return byErrors ? "errors" : "volume";
    }
}
