package io.agentobs.metrics.aggregate;

import java.util.List;

import io.agentobs.metrics.window.Resolution;

/**
 * Names of every Redis key the service writes (the module README documents each). Window keys are
 * {@code <prefix><resolution>:<window start, epoch seconds>:<metric>}, e.g. {@code agentobs:5m:1700000100:events}.
 */
public final class KeyLayout {

    /** Seed 001's key: routing decisions in the 5-minute window of the newest routing event seen. */
    public static final String SEED_ROUTING_COUNT = "metrics:routing:count:5min";

    /** Per-topic event counts (hash: topic → count). */
    public static final String EVENTS = "events";
    /** Per-agent counts, errors and successes (hash: {@code count:<agent>}, {@code errors:<agent>}…). */
    public static final String AGENTS = "agents";
    /** Per-action_type counts, errors and successes (hash: {@code count:<type>}…). */
    public static final String ACTION_TYPES = "action_types";
    /** Transformations per source_agent: {@code count:<agent>}, {@code errors:<agent>}, {@code successes:<agent>}. */
    public static final String TRANSFORMATIONS = "transformations";
    /** Routing confidence distribution (hash: bucket lower bound {@code 0.00}…{@code 0.95} → count). */
    public static final String CONFIDENCE = "confidence";
    /** Router cache lookups and hits (hash: {@code lookups}, {@code cache_hits}). */
    public static final String ROUTER = "router";
    /** Tasks by task_type (hash: {@code count:<type>}, {@code successes:<type>}, {@code quality_n:<type>}…). */
    public static final String TASKS_BY_TYPE = "tasks:type";
    /** Tasks by domain, the same fields as {@link #TASKS_BY_TYPE}. */
    public static final String TASKS_BY_DOMAIN = "tasks:domain";
    /** Distinct correlation ids (HyperLogLog). */
    public static final String CORRELATIONS = "correlations";
    /** Agents by events (sorted set). */
    public static final String TOP_VOLUME = "top:volume";
    /** Agents by errors (sorted set). */
    public static final String TOP_ERRORS = "top:errors";
    /** Histogram prefix: {@code hist:<metric>} (hash: bucket index → count). */
    public static final String HISTOGRAM = "hist:";
    /** The histograms also kept per agent: {@code hist:<metric>:agent:<agent>}. */
    public static final List<String> AGENT_HISTOGRAMS = List.of("action_ms", "task_ms");
    /** The histogram also kept per action_type: {@code hist:action_ms:type:<action_type>}. */
    public static final String ACTION_TYPE_HISTOGRAM = "action_ms";

    private final String prefix;

    /** The window metric of a histogram: {@code hist:<metric>}. */
    public static String histogram(String metric) {
        return HISTOGRAM + metric;
    }

    /** The window metric of one agent's histogram: {@code hist:<metric>:agent:<agent>}. */
    public static String agentHistogram(String metric, String agent) {
        return HISTOGRAM + metric + ":agent:" + agent;
    }

    /** The window metric of one action type's durations: {@code hist:action_ms:type:<action_type>}. */
    public static String actionTypeHistogram(String actionType) {
        return HISTOGRAM + ACTION_TYPE_HISTOGRAM + ":type:" + actionType;
    }

    public KeyLayout(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** The key of one metric of one window. */
    public String window(Resolution resolution, long windowStart, String metric) {
        return windowPrefix(resolution) + windowStart + ':' + metric;
    }

    /** {@code <prefix><resolution>:}, the start of every key of that resolution. */
    public String windowPrefix(Resolution resolution) {
        return prefix + resolution.label() + ':';
    }

    /** Late events per topic (hash: topic → count). */
    public String late() {
        return prefix + "late";
    }

    /** Next offset per partition (hash: {@code <clusterId>:<topic>:<partition>} → offset). */
    public String offsets(String group) {
        return prefix + "offsets:" + group;
    }

    /** Watermark per partition, epoch ms (hash: the same fields as {@link #offsets}). */
    public String watermarks(String group) {
        return prefix + "watermarks:" + group;
    }

    /** Event time (epoch ms) of the newest routing decision counted (string). */
    public String newestRouting() {
        return prefix + "routing:newest";
    }

    /** The field of a partition in the offsets and watermarks hashes. */
    public static String partitionField(String clusterId, String topic, int partition) {
        return clusterId + ':' + topic + ':' + partition;
    }
}
