package io.agentobs.metrics.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The range a response covers, as asked and as read.
 *
 * @param from start of the range asked, inclusive
 * @param to end of the range asked, exclusive
 * @param resolution label of the windows read
 * @param firstWindow start of the first window read
 * @param windowsEnd end of the last window read (exclusive)
 * @param windows how many windows were read
 */
@Schema(description = "The range asked and the aligned windows read: every window overlapping [from, to), so the "
        + "numbers cover firstWindow .. windowsEnd")
public record RangeView(Instant from, Instant to, String resolution, Instant firstWindow, Instant windowsEnd,
                        int windows) {

    static RangeView of(QueryRange range) {
        return new RangeView(range.from(), range.to(), range.resolution().label(),
                Instant.ofEpochSecond(range.firstWindow()), Instant.ofEpochSecond(range.windowsEnd()), range.windows());
    }
}
