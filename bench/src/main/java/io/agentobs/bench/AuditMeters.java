package io.agentobs.bench;

import java.util.Locale;

import static io.agentobs.bench.PrometheusText.delta;

/**
 * audit-logger-service's meters over a drain: batches and time in the listener (decode, validation, appending to
 * the open files, waiting for memory), and the objects it created with the time their encoding and upload took.
 */
record AuditMeters(double batches, double listenerSeconds, double recordsArchived, double objects, double bytes,
                   double uploadSeconds, double closedEarly) {

    private static final String TOPIC_LABEL = "topic=\"agent-actions\"";

    static AuditMeters between(PrometheusText before, PrometheusText after) {
        return new AuditMeters(
                delta(before, after, "agentobs_consumer_batch_duration_seconds_count", ""),
                delta(before, after, "agentobs_consumer_batch_duration_seconds_sum", ""),
                delta(before, after, "agentobs_audit_records_archived_total", TOPIC_LABEL),
                delta(before, after, "agentobs_audit_objects_written_total", TOPIC_LABEL),
                delta(before, after, "agentobs_audit_bytes_written_total", TOPIC_LABEL),
                delta(before, after, "agentobs_audit_upload_seconds_sum", ""),
                delta(before, after, "agentobs_audit_files_closed_early_total", TOPIC_LABEL));
    }

    String format() {
        return String.format(Locale.ROOT, "%,.0f batches (mean %,.0f records), listener busy %.2f s; %,.0f objects"
                        + " (%,.0f records, %,.0f bytes; %,.0f closed early for memory), encode + upload %.2f s in"
                        + " all (mean %.0f ms per object)", batches, batches == 0 ? 0 : recordsArchived / batches,
                listenerSeconds, objects, recordsArchived, bytes, closedEarly, uploadSeconds,
                objects == 0 ? 0 : 1000 * uploadSeconds / objects);
    }
}
