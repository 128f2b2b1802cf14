package io.agentobs.metrics.aggregate;

import java.util.HashMap;
import java.util.Map;

/**
 * The deltas of one window of one resolution within a batch: each metric's key is named once, when the window first
 * gets an event of it, and kept in a slot, so an event costs no key building or key lookup. (Correlation ids go to a
 * delta per combination of windows, see {@link BatchAggregator}.)
 */
final class WindowDeltas {

    static final int EVENTS = 0;
    static final int AGENTS = 1;
    static final int ACTION_TYPES = 2;
    static final int CONFIDENCE = 3;
    static final int ROUTER = 4;
    static final int TASKS_BY_TYPE = 5;
    static final int TASKS_BY_DOMAIN = 6;
    static final int TOP_VOLUME = 7;
    static final int TOP_ERRORS = 8;
    static final int HIST_ACTION = 9;
    static final int HIST_TASK = 10;
    static final int HIST_TRANSFORMATION = 11;
    static final int HIST_ROUTING = 12;
    static final int HIST_ROUTER = 13;
    static final int TRANSFORMATIONS = 14;
    /** Each slot's metric: the last part of its key. */
    private static final String[] METRICS = {KeyLayout.EVENTS, KeyLayout.AGENTS,
        KeyLayout.ACTION_TYPES, KeyLayout.CONFIDENCE, KeyLayout.ROUTER, KeyLayout.TASKS_BY_TYPE,
        KeyLayout.TASKS_BY_DOMAIN, KeyLayout.TOP_VOLUME, KeyLayout.TOP_ERRORS, KeyLayout.histogram("action_ms"),
        KeyLayout.histogram("task_ms"), KeyLayout.histogram("transformation_ms"), KeyLayout.histogram("routing_ms"),
        KeyLayout.histogram("router_ms"), KeyLayout.TRANSFORMATIONS};

    private final String keyPrefix;
    private final long start;
    private final long ttlSeconds;
    private final Map<String, KeyDelta> deltas;
    private final KeyDelta[] slots = new KeyDelta[METRICS.length];
    /** The per-name histograms of this window (per agent, per action type) by their metric name. */
    private final Map<String, KeyDelta> named = new HashMap<>();

    /**
     * @param keyPrefix {@code <prefix><resolution>:<start>:}
     * @param deltas the batch's deltas by key, which every key of this window joins when first used
     */
    WindowDeltas(String keyPrefix, long start, long ttlSeconds, Map<String, KeyDelta> deltas) {
        this.keyPrefix = keyPrefix;
        this.start = start;
        this.ttlSeconds = ttlSeconds;
        this.deltas = deltas;
    }

    long start() {
        return start;
    }

    long ttlSeconds() {
        return ttlSeconds;
    }

    /** The key of a metric of this window. */
    String key(String metric) {
        return keyPrefix + metric;
    }

    KeyDelta hash(int metric) {
        return slot(metric, KeyDelta.Kind.HASH);
    }

    KeyDelta sortedSet(int metric) {
        return slot(metric, KeyDelta.Kind.SORTED_SET);
    }

    /** The hash of a per-name histogram of this window; {@code metric} as {@link KeyLayout#agentHistogram}. */
    KeyDelta namedHash(String metric) {
        KeyDelta delta = named.get(metric);
        if (delta == null) {
            delta = deltas.computeIfAbsent(keyPrefix + metric, key -> new KeyDelta(KeyDelta.Kind.HASH, ttlSeconds));
            named.put(metric, delta);
        }
        return delta;
    }

    private KeyDelta slot(int metric, KeyDelta.Kind kind) {
        KeyDelta delta = slots[metric];
        if (delta == null) {
            delta = deltas.computeIfAbsent(keyPrefix + METRICS[metric], key -> new KeyDelta(kind, ttlSeconds));
            slots[metric] = delta;
        }
        return delta;
    }
}
