package io.agentobs.metrics.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One metric per window over a range.
 *
 * @param range the range and windows read
 * @param metric the metric's name
 * @param filters the filters applied (topic, agent, histogram, taskType, domain)
 * @param points one per window overlapping the range, oldest first, empty windows included
 */
public record SeriesResponse(RangeView range, String metric, Map<String, String> filters, List<Point> points) {

    /**
     * One window.
     *
     * @param windowStart start of the window
     * @param value the metric in that window: 0 for counts of an empty window; null for a rate, mean or percentile
     *     with nothing to divide or rank
     */
    public record Point(Instant windowStart,
                        @Schema(description = "integer for counts, decimal for rates and means, ms for percentiles; "
                                + "null when undefined in the window", nullable = true) Number value) {
    }
}
