package io.agentobs.bench;

import java.util.Locale;

import static io.agentobs.bench.PrometheusText.delta;

/**
 * db-writer-service's meters over a drain: batches, time in the listener (decode, validation, write) and in the
 * writer's transaction (COPY, offsets, commit), rows it counted.
 */
record DbWriterMeters(double batches, double listenerSeconds, double writeSeconds, double rowsInserted) {

    static DbWriterMeters between(PrometheusText before, PrometheusText after) {
        return new DbWriterMeters(
                delta(before, after, "agentobs_consumer_batch_duration_seconds_count", ""),
                delta(before, after, "agentobs_consumer_batch_duration_seconds_sum", ""),
                delta(before, after, "agentobs_dbwriter_batch_write_seconds_sum", ""),
                delta(before, after, "agentobs_dbwriter_rows_inserted_rows_total", "table=\"agent_actions\"")
                        + delta(before, after, "agentobs_dbwriter_rows_inserted_total", "table=\"agent_actions\""));
    }

    String format() {
        return String.format(Locale.ROOT, "%,.0f batches (mean %,.0f rows), listener busy %.2f s, of which in the"
                        + " writer's transaction %.2f s (mean %.1f ms per batch)", batches,
                batches == 0 ? 0 : rowsInserted / batches, listenerSeconds, writeSeconds,
                batches == 0 ? 0 : 1000 * writeSeconds / batches);
    }
}
