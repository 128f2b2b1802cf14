package io.agentobs.bench;

import static io.agentobs.bench.PrometheusText.delta;

import java.util.Locale;

/**
 * audit-logger-service's meters over a drain: batches and time in the listener (decode, validation, appending to
 * the open files, waiting for memory), and the objects it created with the time their encoding and upload took.
 */
record AuditMeters(double batches, double listenerSeconds, double recordsArchived, double objects, double bytes,
                   double uploadSeconds, double closedEarly) {

    /** The meters between the two scrapes; the per-topic ones summed over the series {@code topicLabel} picks. */
    static AuditMeters between(PrometheusText before, PrometheusText after, String topicLabel) {
        return new AuditMeters(
                delta(before, after, "agentobs_consumer_batch_duration_seconds_count", ""),
                delta(before, after, "agentobs_consumer_batch_duration_seconds_sum", ""),
                delta(before, after, "agentobs_audit_records_archived_total", topicLabel),
                delta(before, after, "agentobs_audit_objects_written_total", topicLabel),
                delta(before, after, "agentobs_audit_bytes_written_total", topicLabel),
                delta(before, after, "agentobs_audit_upload_seconds_sum", ""),
                delta(before, after, "agentobs_audit_files_closed_early_total", topicLabel));
    }

    String format() {
        return String.format(Locale.ROOT, "%,.0f batches (mean %,.0f records), listener busy %.2f s; %,.0f objects"
                        + " (%,.0f records, %,.0f bytes; %,.0f closed early for memory), encode + upload %.2f s in"
                        + " all (mean %.0f ms per object)", batches, batches == 0 ? 0 : recordsArchived / batches,
                listenerSeconds, objects, recordsArchived, bytes, closedEarly, uploadSeconds,
                objects == 0 ? 0 : 1000 * uploadSeconds / objects);
    }
}
