package io.agentobs.bench;

import static io.agentobs.bench.PrometheusText.delta;

import java.util.Locale;

/**
 * metrics-aggregator-service's meters over a drain: batches and time in the listener (decode, validation,
 * aggregation, the script calls), events counted and late, Lua script calls and their time, partitions aggregated
 * again after a conflict, and Redis keys written.
 */
record MetricsMeters(double batches, double listenerSeconds, double aggregated, double late, double scriptCalls,
                     double scriptSeconds, double reaggregations, double keys) {

    /** The meters between the two scrapes; the per-topic ones summed over the series {@code topicLabel} picks. */
    static MetricsMeters between(PrometheusText before, PrometheusText after, String topicLabel) {
        return new MetricsMeters(
                delta(before, after, "agentobs_consumer_batch_duration_seconds_count", ""),
                delta(before, after, "agentobs_consumer_batch_duration_seconds_sum", ""),
                delta(before, after, "agentobs_metrics_events_aggregated_total", topicLabel),
                delta(before, after, "agentobs_metrics_events_late_total", topicLabel),
                delta(before, after, "agentobs_metrics_script_calls_seconds_count", ""),
                delta(before, after, "agentobs_metrics_script_calls_seconds_sum", ""),
                delta(before, after, "agentobs_metrics_reaggregations_total", ""),
                delta(before, after, "agentobs_metrics_batch_keys_sum", ""));
    }

    String format() {
        return String.format(Locale.ROOT, "%,.0f batches (mean %,.0f events), listener busy %.2f s; %,.0f events"
                        + " aggregated, %,.0f late; %,.0f script calls, %.2f s in them (mean %.1f ms, %,.0f keys);"
                        + " %,.0f partitions aggregated again", batches,
                batches == 0 ? 0 : (aggregated + late) / batches, listenerSeconds, aggregated, late, scriptCalls, scriptSeconds,
                scriptCalls == 0 ? 0 : 1000 * scriptSeconds / scriptCalls, scriptCalls == 0 ? 0 : keys / scriptCalls,
                reaggregations);
    }
}
