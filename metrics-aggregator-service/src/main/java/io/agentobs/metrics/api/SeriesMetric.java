package io.agentobs.metrics.api;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The metrics a time series can show, by wire name, with the filter parameters each one takes. */
public enum SeriesMetric {

    /** Events of all topics, of one {@code topic}, or of one {@code agent} (its actions and tasks). */
    EVENTS("events", Set.of(Filter.TOPIC, Filter.AGENT)),
    /** Errors of all agents or one {@code agent}. */
    ERRORS("errors", Set.of(Filter.AGENT)),
    /** Successes of all agents or one {@code agent}. */
    SUCCESSES("successes", Set.of(Filter.AGENT)),
    /** Errors / events of all agents or one {@code agent}. */
    ERROR_RATE("error_rate", Set.of(Filter.AGENT)),
    /** Successes / events of all agents or one {@code agent}. */
    SUCCESS_RATE("success_rate", Set.of(Filter.AGENT)),
    /** Median of a {@code histogram}, ms; of one {@code agent} or {@code actionType} where kept (see SeriesQuery). */
    P50("p50", Set.of(Filter.HISTOGRAM, Filter.AGENT, Filter.ACTION_TYPE)),
    /** 95th percentile of a {@code histogram}, ms, likewise. */
    P95("p95", Set.of(Filter.HISTOGRAM, Filter.AGENT, Filter.ACTION_TYPE)),
    /** 99th percentile of a {@code histogram}, ms, likewise. */
    P99("p99", Set.of(Filter.HISTOGRAM, Filter.AGENT, Filter.ACTION_TYPE)),
    /** Distinct correlation ids in the window (HyperLogLog estimate). */
    DISTINCT_CORRELATIONS("distinct_correlations", Set.of()),
    /** Router cache hits / lookups. */
    CACHE_HIT_RATE("cache_hit_rate", Set.of()),
    /** Task executions of all, one {@code taskType} or one {@code domain}. */
    TASKS("tasks", Set.of(Filter.TASK_TYPE, Filter.DOMAIN)),
    /** Successful tasks / tasks, likewise filtered. */
    TASK_SUCCESS_RATE("task_success_rate", Set.of(Filter.TASK_TYPE, Filter.DOMAIN)),
    /** Mean quality_score of the tasks that have one, likewise filtered. */
    MEAN_QUALITY("mean_quality", Set.of(Filter.TASK_TYPE, Filter.DOMAIN));

    /** The histograms the service keeps, by name. */
    public static final List<String> HISTOGRAMS = List.of("action_ms", "task_ms", "transformation_ms", "routing_ms",
            "router_ms");

    private final String wireName;
    private final Set<Filter> filters;

    SeriesMetric(String wireName, Set<Filter> filters) {
        this.wireName = wireName;
        this.filters = filters;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the metric takes this filter parameter. */
    public boolean takes(Filter filter) {
        return filters.contains(filter);
    }

    public boolean isPercentile() {
        return this == P50 || this == P95 || this == P99;
    }

    /** Every wire name, in declaration order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(SeriesMetric::wireName).toList();
    }

    /** The metric of a wire name; a 400 naming the allowed ones when unknown or absent. */
    public static SeriesMetric of(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidParameterException("metric", name, "metric is required", wireNames());
        }
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name.trim())).findFirst()
                .orElseThrow(() -> new InvalidParameterException("metric", name, "unknown metric '" + name + "'",
                        wireNames()));
    }

    /** The metrics that take a filter, by wire name. */
    public static List<String> taking(Filter filter) {
        return Arrays.stream(values()).filter(m -> m.takes(filter)).map(SeriesMetric::wireName).toList();
    }

    /** The filter parameters of a series, by query parameter name. */
    public enum Filter {
        TOPIC("topic"), AGENT("agent"), HISTOGRAM("histogram"), ACTION_TYPE("actionType"), TASK_TYPE("taskType"),
        DOMAIN("domain");

        private final String parameter;

        Filter(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }
}
