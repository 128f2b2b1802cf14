package io.agentobs.metrics.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.agentobs.events.Topic;
import io.agentobs.metrics.aggregate.BatchAggregator;
import io.agentobs.metrics.aggregate.KeyLayout;
import io.agentobs.metrics.api.SeriesMetric.Filter;
import io.agentobs.metrics.histogram.Percentiles;

/**
 * Answers the query API from the window keys in Redis (the layout in the module README), never from this process's
 * memory, so every instance answers the same. Over a range the windows' fields are added first and divided after.
 */
public final class MetricsQueries {

    private static final double QUALITY_SCALE = 1_000_000.0;
    private static final int CONFIDENCE_BUCKETS = 20;

    private final WindowReader reader;
    private final KeyLayout keys;

    public MetricsQueries(WindowReader reader, KeyLayout keys) {
        this.reader = reader;
        this.keys = keys;
    }

    /** Everything counted over the range. */
    public SummaryResponse summary(QueryRange range) {
        Map<String, Long> events = reader.sum(range.keys(keys, KeyLayout.EVENTS));
        Map<String, Long> actionTypes = reader.sum(range.keys(keys, KeyLayout.ACTION_TYPES));
        Map<String, Long> tasksByType = reader.sum(range.keys(keys, KeyLayout.TASKS_BY_TYPE));
        Map<String, Long> tasksByDomain = reader.sum(range.keys(keys, KeyLayout.TASKS_BY_DOMAIN));
        Map<String, Long> router = reader.sum(range.keys(keys, KeyLayout.ROUTER));
        Map<String, Long> confidence = reader.sum(range.keys(keys, KeyLayout.CONFIDENCE));
        Map<String, Long> transformations = reader.sum(range.keys(keys, KeyLayout.TRANSFORMATIONS));

        Map<String, SummaryResponse.TopicStats> topics = new LinkedHashMap<>();
        long total = 0;
        for (Topic topic : Topic.values()) {
            long n = events.getOrDefault(topic.topicName(), 0L);
            total += n;
            Long errors = null;
            Long successes = null;
            if (topic == Topic.AGENT_ACTIONS) {
                errors = field(actionTypes, "errors:", null);
                successes = field(actionTypes, "successes:", null);
            } else if (topic == Topic.TASK_EXECUTIONS) {
                successes = field(tasksByType, "successes:", null);
                errors = field(tasksByType, "count:", null) - successes;
            } else if (topic == Topic.AGENT_TRANSFORMATION_EVENTS) {
                errors = field(transformations, "errors:", null);
                successes = field(transformations, "successes:", null);
            }
            topics.put(topic.topicName(), new SummaryResponse.TopicStats(n, errors, successes,
                    errors == null ? null : ratio(errors, n), successes == null ? null : ratio(successes, n)));
        }
        Map<String, Long> perActionType = new TreeMap<>();
        Map<String, SummaryResponse.LatencyStats> actionTypeLatencies = new TreeMap<>();
        for (String type : names(actionTypes, "count:")) {
            perActionType.put(type, field(actionTypes, "count:", type));
            actionTypeLatencies.put(type, latency(range, KeyLayout.actionTypeHistogram(type)));
        }

        Map<String, SummaryResponse.LatencyStats> latencies = new LinkedHashMap<>();
        for (String histogram : SeriesMetric.HISTOGRAMS) {
            latencies.put(histogram, latency(range, KeyLayout.histogram(histogram)));
        }

        long lookups = router.getOrDefault("lookups", 0L);
        long hits = router.getOrDefault("cache_hits", 0L);
        Map<String, Long> buckets = new LinkedHashMap<>();
        for (int i = 0; i < CONFIDENCE_BUCKETS; i++) {
            String bucket = BatchAggregator.confidenceField(i);
            buckets.put(bucket, confidence.getOrDefault(bucket, 0L));
        }
        Map<String, Long> late = new TreeMap<>(reader.sum(List.of(keys.late())));
        return new SummaryResponse(RangeView.of(range), total, topics, perActionType, actionTypeLatencies, latencies,
                reader.distinctCount(range.keys(keys, KeyLayout.CORRELATIONS)),
                new SummaryResponse.RouterStats(lookups, hits, ratio(hits, lookups)), buckets,
                new SummaryResponse.TaskStats(taskGroups(tasksByType), taskGroups(tasksByDomain)), late);
    }

    /** One agent's actions and tasks over the range. */
    public AgentResponse agent(QueryRange range, String agent) {
        Map<String, Long> agents = reader.sum(range.keys(keys, KeyLayout.AGENTS));
        long events = field(agents, "count:", agent);
        long errors = field(agents, "errors:", agent);
        long successes = field(agents, "successes:", agent);
        Map<String, SummaryResponse.LatencyStats> latencies = new LinkedHashMap<>();
        for (String histogram : KeyLayout.AGENT_HISTOGRAMS) {
            latencies.put(histogram, latency(range, KeyLayout.agentHistogram(histogram, agent)));
        }
        return new AgentResponse(RangeView.of(range), agent, events, errors, successes, ratio(errors, events),
                ratio(successes, events), latencies);
    }

    /** The windows' hashes of a histogram metric merged, then ranked. */
    private SummaryResponse.LatencyStats latency(QueryRange range, String histogramMetric) {
        Percentiles p = new Percentiles();
        reader.sum(range.keys(keys, histogramMetric)).forEach((bucket, n) -> p.add(Integer.parseInt(bucket), n));
        return SummaryResponse.LatencyStats.of(p);
    }

    /**
     * The agents with the most events ({@code top:volume}) or errors ({@code top:errors}) over the range: the
     * windows' sorted sets added, highest first, ties by name. Ranked by errors, agents without errors are left out.
     */
    public TopAgentsResponse topAgents(QueryRange range, TopAgentsQuery query) {
        Map<String, Long> scores = new LinkedHashMap<>();
        reader.sortedSets(range.keys(keys, query.byErrors() ? KeyLayout.TOP_ERRORS : KeyLayout.TOP_VOLUME))
                .forEach(set -> set.forEach((agent, score) -> scores.merge(agent, score, Long::sum)));
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(scores.entrySet());
        ranked.removeIf(e -> e.getValue() <= 0);
        ranked.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> agents = reader.sum(range.keys(keys, KeyLayout.AGENTS));
        List<TopAgentsResponse.TopAgent> top = new ArrayList<>();
        for (Map.Entry<String, Long> entry : ranked.subList(0, Math.min(query.n(), ranked.size()))) {
            long events = field(agents, "count:", entry.getKey());
            long errors = field(agents, "errors:", entry.getKey());
            top.add(new TopAgentsResponse.TopAgent(top.size() + 1, entry.getKey(), events, errors, ratio(errors, events)));
        }
        return new TopAgentsResponse(RangeView.of(range), query.by(), query.n(), top);
    }

    /** The metric in every window of the range, oldest first, empty windows included. */
    public SeriesResponse series(QueryRange range, SeriesQuery query) {
        List<? extends Number> values = switch (query.metric()) {
            case EVENTS -> query.filter(Filter.AGENT) != null
                    ? perWindow(range, KeyLayout.AGENTS, h -> field(h, "count:", query.filter(Filter.AGENT)))
                    : perWindow(range, KeyLayout.EVENTS, h -> query.filter(Filter.TOPIC) == null
                            ? h.values().stream().mapToLong(Long::longValue).sum()
                            : h.getOrDefault(query.filter(Filter.TOPIC), 0L));
            case ERRORS -> perWindow(range, KeyLayout.AGENTS, h -> field(h, "errors:", query.filter(Filter.AGENT)));
            case SUCCESSES -> perWindow(range, KeyLayout.AGENTS, h -> field(h, "successes:", query.filter(Filter.AGENT)));
            case ERROR_RATE -> perWindow(range, KeyLayout.AGENTS, h -> ratio(field(h, "errors:", query.filter(Filter.AGENT)),
                    field(h, "count:", query.filter(Filter.AGENT))));
            case SUCCESS_RATE -> perWindow(range, KeyLayout.AGENTS, h -> ratio(
                    field(h, "successes:", query.filter(Filter.AGENT)), field(h, "count:", query.filter(Filter.AGENT))));
            case P50, P95, P99 -> perWindow(range, histogramMetric(query), h -> {
                Percentiles p = new Percentiles();
                h.forEach((bucket, n) -> p.add(Integer.parseInt(bucket), n));
                return p.perMille(query.metric() == SeriesMetric.P50 ? 500 : query.metric() == SeriesMetric.P95 ? 950 : 990);
            });
            case DISTINCT_CORRELATIONS -> reader.distinctCounts(range.keys(keys, KeyLayout.CORRELATIONS));
            case CACHE_HIT_RATE -> perWindow(range, KeyLayout.ROUTER,
                    h -> ratio(h.getOrDefault("cache_hits", 0L), h.getOrDefault("lookups", 0L)));
            case TASKS -> perWindow(range, taskKey(query), h -> field(h, "count:", taskName(query)));
            case TASK_SUCCESS_RATE -> perWindow(range, taskKey(query),
                    h -> ratio(field(h, "successes:", taskName(query)), field(h, "count:", taskName(query))));
            case MEAN_QUALITY -> perWindow(range, taskKey(query),
                    h -> meanQuality(field(h, "quality_sum_micros:", taskName(query)), field(h, "quality_n:", taskName(query))));
        };
        List<SeriesResponse.Point> points = new ArrayList<>(values.size());
        List<Long> starts = range.windowStarts();
        for (int i = 0; i < starts.size(); i++) {
            points.add(new SeriesResponse.Point(Instant.ofEpochSecond(starts.get(i)), values.get(i)));
        }
        return new SeriesResponse(RangeView.of(range), query.metric().wireName(), query.byParameter(), points);
    }

    private <T extends Number> List<T> perWindow(QueryRange range, String metric, Function<Map<String, Long>, T> value) {
        return reader.hashes(range.keys(keys, metric)).stream().map(value).toList();
    }

    /** The histogram a percentile series reads: the whole one, or one agent's or one action type's. */
    private static String histogramMetric(SeriesQuery query) {
        String histogram = query.filter(Filter.HISTOGRAM);
        if (query.filter(Filter.AGENT) != null) {
            return KeyLayout.agentHistogram(histogram, query.filter(Filter.AGENT));
        }
        if (query.filter(Filter.ACTION_TYPE) != null) {
            return KeyLayout.actionTypeHistogram(query.filter(Filter.ACTION_TYPE));
        }
        return KeyLayout.histogram(histogram);
    }

    private static String taskKey(SeriesQuery query) {
        return query.filter(Filter.DOMAIN) != null ? KeyLayout.TASKS_BY_DOMAIN : KeyLayout.TASKS_BY_TYPE;
    }

    private static String taskName(SeriesQuery query) {
        return query.filter(Filter.DOMAIN) != null ? query.filter(Filter.DOMAIN) : query.filter(Filter.TASK_TYPE);
    }

    private static Map<String, SummaryResponse.TaskGroup> taskGroups(Map<String, Long> hash) {
        Map<String, SummaryResponse.TaskGroup> groups = new TreeMap<>();
        for (String name : names(hash, "count:")) {
            long count = field(hash, "count:", name);
            long successes = field(hash, "successes:", name);
            groups.put(name, new SummaryResponse.TaskGroup(count, successes, ratio(successes, count),
                    meanQuality(field(hash, "quality_sum_micros:", name), field(hash, "quality_n:", name))));
        }
        return groups;
    }

    /** {@code <prefix><name>} of a hash, or with a null name the sum of every field starting with the prefix. */
    static long field(Map<String, Long> hash, String prefix, String name) {
        if (name != null) {
            return hash.getOrDefault(prefix + name, 0L);
        }
        long sum = 0;
        for (Map.Entry<String, Long> entry : hash.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                sum += entry.getValue();
            }
        }
        return sum;
    }

    private static TreeSet<String> names(Map<String, Long> hash, String prefix) {
        TreeSet<String> names = new TreeSet<>();
        hash.keySet().stream().filter(f -> f.startsWith(prefix)).forEach(f -> names.add(f.substring(prefix.length())));
        return names;
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double meanQuality(long sumMicros, long n) {
        return n == 0 ? null : sumMicros / QUALITY_SCALE / n;
    }
}
