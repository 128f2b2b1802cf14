package io.agentobs.metrics.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.agentobs.metrics.aggregate.KeyLayout;
import io.agentobs.metrics.window.Resolution;

/**
 * A requested time range and the aligned windows of one resolution that overlap it: a window {@code [s, s + length)}
 * is in the range when {@code s < to} and {@code s + length > from}.
 *
 * @param from start of the range, inclusive
 * @param to end of the range, exclusive
 * @param resolution the windows read
 * @param firstWindow start of the first window, epoch seconds
 * @param windows how many windows overlap the range
 */
public record QueryRange(Instant from, Instant to, Resolution resolution, long firstWindow, int windows) {

    /** The windows of {@code resolution} overlapping {@code [from, to)}; {@code from} must be before {@code to}. */
    public static QueryRange covering(Instant from, Instant to, Resolution resolution) {
        long first = resolution.windowStart(from.toEpochMilli());
        long last = resolution.windowStart(to.toEpochMilli() - 1);
        long count = (last - first) / resolution.seconds() + 1;
        return new QueryRange(from, to, resolution, first, (int) Math.min(Integer.MAX_VALUE, count));
    }

    /** How many windows of {@code resolution} would overlap the range. */
    public static long windowCount(Instant from, Instant to, Resolution resolution) {
        long first = resolution.windowStart(from.toEpochMilli());
        long last = resolution.windowStart(to.toEpochMilli() - 1);
        return (last - first) / resolution.seconds() + 1;
    }

    /** Window starts in epoch seconds, oldest first. */
    public List<Long> windowStarts() {
        List<Long> starts = new ArrayList<>(windows);
        for (int i = 0; i < windows; i++) {
            starts.add(firstWindow + i * resolution.seconds());
        }
        return starts;
    }

    /** The key of {@code metric} for every window, oldest first. */
    public List<String> keys(KeyLayout layout, String metric) {
        return windowStarts().stream().map(start -> layout.window(resolution, start, metric)).toList();
    }

    /** End of the last window, epoch seconds (exclusive). */
    public long windowsEnd() {
        return firstWindow + (long) windows * resolution.seconds();
    }
}
