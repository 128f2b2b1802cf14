package io.agentobs.metrics.api;

import io.agentobs.metrics.MetricsAggregatorProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The query API: summaries, one agent, top agents and time series over a range, read from Redis. */
@RestController
@RequestMapping(path = "/api/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "metrics", description = "Windowed metrics read from Redis. Every endpoint takes from, to and resolution: "
        + "the windows of that resolution overlapping [from, to) are read, at most 10,000.")
@ApiResponse(responseCode = "400", description = "A parameter is wrong: the problem names it and the allowed values",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "Redis cannot be reached",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
public class MetricsQueryController {

    private static final String FROM = "Start, inclusive: an ISO-8601 instant (2025-10-20T18:00:00Z), a duration back "
            + "from now (30s, 15m, 1h, 7d) or now. Default 15m.";
    private static final String TO = "End, exclusive, in the same forms. Default now.";
    private static final String RESOLUTION = "Window length: 5s (the base window, WINDOW_SIZE_SECONDS), 1m, 5m or 1h. "
            + "Default: the coarsest whose windows cover the range with at most 10 % more time than asked, else the "
            + "base window.";

    private final QueryRanges ranges;
    private final MetricsQueries queries;
    private final int defaultTopN;

    @Autowired
    public MetricsQueryController(QueryRanges ranges, MetricsQueries queries, MetricsAggregatorProperties properties) {
        this(ranges, queries, properties.topN());
    }

    /** With {@code defaultTopN} as the top-N default ({@code METRICS_TOP_N}). */
    public MetricsQueryController(QueryRanges ranges, MetricsQueries queries, int defaultTopN) {
        this.ranges = ranges;
        this.queries = queries;
        this.defaultTopN = defaultTopN;
    }

    @GetMapping("/summary")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Everything counted over a range", description = "Per topic events, errors and success "
            + "rates; per action_type counts; p50/p95/p99 of every duration histogram; distinct correlation ids "
            + "(HyperLogLog union of the windows); router cache-hit rate; routing confidence; task success rate and "
            + "mean quality by task_type and domain; late events per topic since the service began.")
    public SummaryResponse summary(@Parameter(description = FROM) @RequestParam(required = false) String from,
                                   @Parameter(description = TO) @RequestParam(required = false) String to,
                                   @Parameter(description = RESOLUTION) @RequestParam(required = false) String resolution) {
        return queries.summary(ranges.parse(from, to, resolution));
    }

    @GetMapping("/agents/{agent}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "One agent over a range", description = "Its agent-actions and task-executions: events, "
            + "errors, successes and their rates. Durations are not stored per agent, so there are no percentiles. "
            + "An agent without events in the range answers with zeros.")
    public AgentResponse agent(@Parameter(description = "The agent_name") @PathVariable String agent,
                               @Parameter(description = FROM) @RequestParam(required = false) String from,
                               @Parameter(description = TO) @RequestParam(required = false) String to,
                               @Parameter(description = RESOLUTION) @RequestParam(required = false) String resolution) {
        return queries.agent(ranges.parse(from, to, resolution), agent);
    }

    @GetMapping("/top-agents")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "The agents with the most events or errors over a range", description = "Highest first, "
            + "ties by name; ranked by errors, agents without errors are not listed.")
    public TopAgentsResponse topAgents(
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            @Parameter(description = RESOLUTION) @RequestParam(required = false) String resolution,
            @Parameter(description = "Rank by events (volume) or errors. Default volume.",
                    schema = @Schema(allowableValues = {"volume", "errors"})) @RequestParam(required = false) String by,
            @Parameter(description = "How many agents, 1–1000. Default METRICS_TOP_N (10).")
            @RequestParam(required = false) String n) {
        TopAgentsQuery query = TopAgentsQuery.parse(by, n, defaultTopN);
        return queries.topAgents(ranges.parse(from, to, resolution), query);
    }

    @GetMapping("/series")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "One metric per window over a range", description = "One point per window overlapping the "
            + "range, oldest first, empty windows included: counts are 0 there, rates, means and percentiles null.")
    public SeriesResponse series(
            @Parameter(description = "The metric", required = true, schema = @Schema(allowableValues = {"events",
                    "errors", "successes", "error_rate", "success_rate", "p50", "p95", "p99", "distinct_correlations",
                    "cache_hit_rate", "tasks", "task_success_rate", "mean_quality"}))
            @RequestParam(required = false) String metric,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            @Parameter(description = RESOLUTION) @RequestParam(required = false) String resolution,
            @Parameter(description = "events only: one topic") @RequestParam(required = false) String topic,
            @Parameter(description = "events, errors, successes, error_rate, success_rate: one agent; p50, p95, p99 "
                    + "of histogram action_ms or task_ms: that agent's durations")
            @RequestParam(required = false) String agent,
            @Parameter(description = "p50, p95, p99 (required there): the histogram",
                    schema = @Schema(allowableValues = {"action_ms", "task_ms", "transformation_ms", "routing_ms",
                            "router_ms"})) @RequestParam(required = false) String histogram,
            @Parameter(description = "p50, p95, p99 of histogram action_ms: one action_type's durations (not with agent)")
            @RequestParam(required = false) String actionType,
            @Parameter(description = "tasks, task_success_rate, mean_quality: one task_type")
            @RequestParam(required = false) String taskType,
            @Parameter(description = "tasks, task_success_rate, mean_quality: one domain (not with taskType)")
            @RequestParam(required = false) String domain) {
        SeriesQuery query = SeriesQuery.parse(metric, topic, agent, histogram, actionType, taskType, domain);
        return queries.series(ranges.parse(from, to, resolution), query);
    }
}
