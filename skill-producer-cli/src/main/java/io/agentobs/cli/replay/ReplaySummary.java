package io.agentobs.cli.replay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON result of a replay: what was read, selected, sent and skipped, in total and per partition, how long it
 * took and at what rate, and the error that ended it early, if one did.
 */
final class ReplaySummary {

    private ReplaySummary() {
    }

    /**
     * @param sent acknowledged records per partition (empty in a dry run)
     * @param failed records Kafka refused or that could not be queued
     * @param error what stopped the run, or null
     * @param elapsedNanos the whole run
     * @param replayNanos reading and sending, after the listing and the target topic check: the rate's time
     */
    static Map<String, Object> of(ReplayRequest request, ReplayPlan plan, RecordSelection selection,
            Map<Integer, Long> sent, long failed, String error, long elapsedNanos, long replayNanos) {
        long sentTotal = sent.values().stream().mapToLong(Long::longValue).sum();
        long notSent = request.dryRun() ? 0 : selection.selected() - sentTotal;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", error == null && failed == 0 && notSent == 0);
        result.put("topic", request.topic());
        result.put("target_topic", request.targetTopic());
        result.put("from", request.window().from().toString());
        result.put("to", request.window().to().toString());
        result.put("dry_run", request.dryRun());
        result.put("rate_limit", request.ratePerSecond());
        result.put("files", (long) plan.files());
        result.put("read", selection.read());
        result.put("outside_range", selection.partitions().values().stream().mapToLong(p -> p.outsideWindow).sum());
        result.put("selected", selection.selected());
        if (request.dryRun()) {
            result.put("would_send", selection.selected());
        }
        result.put("sent", sentTotal);
        result.put("failed", failed);
        result.put("not_sent", notSent);
        result.put("skipped", selection.skipped());
        Map<String, Object> reasons = new LinkedHashMap<>();
        reasons.put("dead_lettered", selection.partitions().values().stream().mapToLong(p -> p.deadLettered).sum());
        reasons.put("duplicate_offset", selection.partitions().values().stream().mapToLong(p -> p.duplicates).sum());
        result.put("skipped_reasons", reasons);
        Map<String, Object> partitions = new LinkedHashMap<>();
        selection.partitions().forEach((partition, tally) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("selected", tally.selected);
            entry.put("sent", sent.getOrDefault(partition, 0L));
            entry.put("skipped", tally.skipped());
            entry.put("first_offset", tally.firstSelectedOffset < 0 ? null : tally.firstSelectedOffset);
            entry.put("last_offset", tally.lastSelectedOffset < 0 ? null : tally.lastSelectedOffset);
            partitions.put(Integer.toString(partition), entry);
        });
        result.put("partitions", partitions);
        double seconds = Math.max(1e-3, replayNanos / 1e9);
        result.put("elapsed_ms", elapsedNanos / 1_000_000);
        result.put("replay_ms", replayNanos / 1_000_000);
        result.put("records_per_second", Math.round((request.dryRun() ? selection.selected() : sentTotal) / seconds));
        if (error != null) {
            result.put("error", error);
        }
        return result;
    }
}
