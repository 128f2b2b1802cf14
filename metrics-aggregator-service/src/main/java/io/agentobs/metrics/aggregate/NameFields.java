package io.agentobs.metrics.aggregate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hash fields of one name (an agent, an action type, a task type, a domain): {@code count:<name>},
 * {@code errors:<name>}…, and the window metrics of its histograms ({@code hist:action_ms:agent:<name>}…). Built
 * once per name and kept, so they are not concatenated again for every event.
 */
record NameFields(String count, String errors, String successes, String qualityN, String qualitySumMicros,
                  String actionHistogram, String taskHistogram, String actionTypeHistogram) {

    /** Names kept at most; beyond, fields are built for each use (a name per event would otherwise fill memory). */
    private static final int MAX_KEPT = 10_000;
    private static final Map<String, NameFields> KEPT = new ConcurrentHashMap<>();

    /** The fields of {@code name} ({@code null} is written as {@code null}). */
    static NameFields of(String name) {
        String key = String.valueOf(name);
        NameFields fields = KEPT.get(key);
        if (fields == null) {
            fields = new NameFields("count:" + key, "errors:" + key, "successes:" + key, "quality_n:" + key,
                    "quality_sum_micros:" + key, KeyLayout.agentHistogram("action_ms", key),
                    KeyLayout.agentHistogram("task_ms", key), KeyLayout.actionTypeHistogram(key));
            if (KEPT.size() < MAX_KEPT) {
                KEPT.putIfAbsent(key, fields);
            }
        }
        return fields;
    }
}
