package io.agentobs.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses time options ({@code redrive --since/--until}, {@code audit verify} and {@code replay --from/--to}): an
 * ISO-8601 instant, or a duration meaning that long ago.
 */
public final class TimeBound {

    private TimeBound() {
    }

    /**
     * {@code 2026-11-23T10:00:00Z} (or with an offset), or {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h},
     * {@code 7d}, {@code PT2H} before now; null stays null.
     *
     * @throws UsageException naming {@code option} when the text is neither
     */
    public static Instant parse(String option, String text, Clock clock) throws UsageException {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        if (value.contains("T") && value.length() > 10 && Character.isDigit(value.charAt(0))) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException malformed) {
                throw new UsageException(option + " must be an ISO-8601 instant with Z or an offset "
                        + "(2026-11-23T10:00:00Z) or a duration (30m, 2h, 7d), got '" + text + "'");
            }
        }
        Duration ago = duration(option, text);
        try {
            return clock.instant().minus(ago);
        } catch (DateTimeException tooFar) {
            throw new UsageException(option + " reaches too far back: '" + text + "'");
        }
    }

    private static Duration duration(String option, String text) throws UsageException {
        Duration parsed;
        try {
            parsed = DurationText.parse(text);
        } catch (IllegalArgumentException malformed) {
            throw new UsageException(option + " must be an ISO-8601 instant (2026-11-23T10:00:00Z) or a duration "
                    + "ago (500ms, 30s, 5m, 2h, 7d, PT2H), got '" + text + "'");
        }
        if (parsed.isNegative()) {
            throw new UsageException(option + " must not be a negative duration, got '" + text + "'");
        }
        return parsed;
    }
}
