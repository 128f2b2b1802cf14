package io.agentobs.metrics.api;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.events.Topic;
import io.agentobs.metrics.aggregate.KeyLayout;
import io.agentobs.metrics.api.SeriesMetric.Filter;

/**
 * A time series request's metric and filters, checked: every filter given must be one the metric takes, a topic or
 * histogram must exist, a percentile needs a histogram, tasks are filtered by taskType or domain, not both, and a
 * percentile per agent or per actionType only reads a histogram kept that way.
 *
 * @param metric the metric
 * @param filters the filters given, non-blank values only
 */
public record SeriesQuery(SeriesMetric metric, Map<Filter, String> filters) {

    /** Reads the parameters; a 400 names the first wrong one. */
    public static SeriesQuery parse(String metric, String topic, String agent, String histogram, String actionType,
                                    String taskType, String domain) {
        SeriesMetric m = SeriesMetric.of(metric);
        Map<Filter, String> filters = new EnumMap<>(Filter.class);
        put(filters, Filter.TOPIC, topic);
        put(filters, Filter.AGENT, agent);
        put(filters, Filter.HISTOGRAM, histogram);
        put(filters, Filter.ACTION_TYPE, actionType);
        put(filters, Filter.TASK_TYPE, taskType);
        put(filters, Filter.DOMAIN, domain);
        filters.forEach((filter, value) -> {
            if (!m.takes(filter)) {
                throw new InvalidParameterException(filter.parameter(), value, "metric " + m.wireName()
                        + " takes no " + filter.parameter() + "; it is a filter of the metrics listed in allowed",
                        SeriesMetric.taking(filter));
            }
        });
        String topicName = filters.get(Filter.TOPIC);
        if (topicName != null && Topic.byName(topicName).isEmpty()) {
            throw new InvalidParameterException("topic", topicName, "unknown topic '" + topicName + "'",
                    Arrays.stream(Topic.values()).map(Topic::topicName).toList());
        }
        if (filters.containsKey(Filter.TOPIC) && filters.containsKey(Filter.AGENT)) {
            throw new InvalidParameterException("agent", agent, "events are counted per topic or per agent, not both",
                    List.of("topic or agent, not both"));
        }
        if (filters.containsKey(Filter.TASK_TYPE) && filters.containsKey(Filter.DOMAIN)) {
            throw new InvalidParameterException("domain", domain, "tasks are counted per taskType or per domain, not both",
                    List.of("taskType or domain, not both"));
        }
        String hist = filters.get(Filter.HISTOGRAM);
        if (m.isPercentile() && hist == null) {
            throw new InvalidParameterException("histogram", histogram, "metric " + m.wireName() + " needs a histogram",
                    SeriesMetric.HISTOGRAMS);
        }
        if (hist != null && !SeriesMetric.HISTOGRAMS.contains(hist)) {
            throw new InvalidParameterException("histogram", hist, "unknown histogram '" + hist + "'",
                    SeriesMetric.HISTOGRAMS);
        }
        if (hist != null && filters.containsKey(Filter.AGENT) && !KeyLayout.AGENT_HISTOGRAMS.contains(hist)) {
            throw new InvalidParameterException("histogram", hist, "histogram " + hist + " is not kept per agent",
                    KeyLayout.AGENT_HISTOGRAMS);
        }
        if (filters.containsKey(Filter.ACTION_TYPE)) {
            if (filters.containsKey(Filter.AGENT)) {
                throw new InvalidParameterException("actionType", actionType,
                        "durations are kept per agent or per actionType, not both",
                        List.of("agent or actionType, not both"));
            }
            if (!KeyLayout.ACTION_TYPE_HISTOGRAM.equals(hist)) {
                throw new InvalidParameterException("histogram", hist, "only histogram "
                        + KeyLayout.ACTION_TYPE_HISTOGRAM + " is kept per actionType",
                        List.of(KeyLayout.ACTION_TYPE_HISTOGRAM));
            }
        }
        return new SeriesQuery(m, filters);
    }

    /** The filter's value, or null when not given. */
    public String filter(Filter filter) {
        return filters.get(filter);
    }

    /** The filters by parameter name, for the response. */
    public Map<String, String> byParameter() {
        Map<String, String> named = new LinkedHashMap<>();
        filters.forEach((filter, value) -> named.put(filter.parameter(), value));
        return named;
    }

    private static void put(Map<Filter, String> filters, Filter filter, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(filter, value.trim());
        }
    }
}
