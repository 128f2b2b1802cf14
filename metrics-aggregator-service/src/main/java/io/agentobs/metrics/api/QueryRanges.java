package io.agentobs.metrics.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentobs.metrics.window.Resolution;
import io.agentobs.metrics.window.Windows;

/**
 * Turns the {@code from}, {@code to} and {@code resolution} query parameters into a {@link QueryRange}.
 *
 * <p>A time is an ISO-8601 instant ({@code 2025-10-20T18:00:00Z}, an offset instead of {@code Z} is allowed), a
 * duration back from now ({@code 30s}, {@code 15m}, {@code 1h}, {@code 7d}) or {@code now}. Without a resolution the
 * coarsest one whose windows cover the range with at most 10 % more time than asked is used (the base one when
 * none does), so a range of whole hours is read from 1-hour windows and {@code from=15m} from base windows.
 */
public final class QueryRanges {

    /** At most this many windows per request. */
    public static final int MAX_WINDOWS = 10_000;
    /** {@code from} when the request gives none. */
    public static final String DEFAULT_FROM = "15m";
    static final List<String> TIME_FORMS = List.of("an ISO-8601 instant such as 2025-10-20T18:00:00Z",
            "a duration back from now: <digits> followed by s, m, h or d (30s, 15m, 1h, 7d)", "now");

    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,9})([smhd])");
    private static final double AUTO_SLACK = 1.10;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Windows windows;
    private final Clock clock;

    public QueryRanges(Windows windows, Clock clock) {
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * The range of the request.
     *
     * @param from start (inclusive); {@link #DEFAULT_FROM} when null or blank
     * @param to end (exclusive); now when null or blank
     * @param resolution a resolution label ({@code 5s}, {@code 1m}, {@code 5m}, {@code 1h}); chosen when null or blank
     */
    public QueryRange parse(String from, String to, String resolution) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant start = time("from", blank(from) ? DEFAULT_FROM : from, now);
        Instant end = blank(to) ? now : time("to", to, now);
        if (!start.isBefore(end)) {
            throw new InvalidParameterException("from", from, "from (" + start + ") must be before to (" + end + ")",
                    List.of("a time before to"));
        }
        Resolution chosen = blank(resolution) ? automatic(start, end) : named(resolution);
        long count = QueryRange.windowCount(start, end, chosen);
        if (count > MAX_WINDOWS) {
            List<String> fitting = windows.resolutions().stream()
                    .filter(r -> QueryRange.windowCount(start, end, r) <= MAX_WINDOWS).map(Resolution::label).toList();
            throw new InvalidParameterException(blank(resolution) ? "from" : "resolution", blank(resolution) ? from : resolution,
                    "the range " + start + " .. " + end + " covers " + count + " windows of " + chosen.label()
                            + "; at most " + MAX_WINDOWS + " per request: use a shorter range"
                            + (fitting.isEmpty() ? "" : " or a coarser resolution"),
                    fitting.isEmpty() ? List.of("a range of at most " + MAX_WINDOWS + " windows") : fitting);
        }
        return QueryRange.covering(start, end, chosen);
    }

    /** The labels of the resolutions the service keeps, finest first. */
    public List<String> labels() {
        return windows.resolutions().stream().map(Resolution::label).toList();
    }

    private Resolution named(String label) {
        return windows.resolutions().stream().filter(r -> r.label().equals(label.trim())).findFirst()
                .orElseThrow(() -> new InvalidParameterException("resolution", label, "unknown resolution '" + label + "'",
                        labels()));
    }

    private Resolution automatic(Instant from, Instant to) {
        long asked = Duration.between(from, to).toMillis();
        List<Resolution> coarseFirst = new ArrayList<>(windows.resolutions());
        coarseFirst.sort((a, b) -> Long.compare(b.seconds(), a.seconds()));
        for (Resolution r : coarseFirst) {
            long covered = QueryRange.windowCount(from, to, r) * r.seconds() * 1000;
            if (covered <= asked * AUTO_SLACK) {
                return r;
            }
        }
        return windows.base();
    }

    private static Instant time(String parameter, String value, Instant now) {
        Instant time = read(parameter, value, now);
        if (time.isBefore(Instant.EPOCH) || time.isAfter(LATEST)) {
            throw new InvalidParameterException(parameter, value, parameter + " " + time
                    + " is outside 1970-01-01T00:00:00Z .. " + LATEST, TIME_FORMS);
        }
        return time;
    }

    private static Instant read(String parameter, String value, Instant now) {
        String text = value.trim();
        if (text.equals("now")) {
            return now;
        }
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration back = switch (relative.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return now.minus(back);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidParameterException(parameter, value, "cannot read " + parameter + " '" + value
                        + "' as a time", TIME_FORMS);
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
