package io.agentobs.cli.send;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON result of a one-event publish (seed 001's skill result, plus the spool's fields), shared by every path. */
public final class SendResult {

    private SendResult() {
    }

    /** {@code {"success", "event_id", "topic", "partition", "offset", "latency_ms"}} and its spooled/failed forms. */
    public static Map<String, Object> of(OutgoingEvent event, SendOutcome outcome, Path spoolDirectory) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", outcome.status() != SendOutcome.Status.FAILED);
        if (outcome.status() == SendOutcome.Status.SKIPPED) {
            result.put("message", "Kafka logging disabled (KAFKA_ENABLE_LOGGING=false)");
            result.put("event_id", null);
            return result;
        }
        result.put("event_id", event.eventId());
        result.put("topic", event.topic());
        switch (outcome.status()) {
            case SENT -> {
                result.put("partition", outcome.partition());
                result.put("offset", outcome.offset());
                result.put("latency_ms", outcome.latencyMs());
            }
            case SPOOLED -> {
                result.put("spooled", true);
                result.put("spool_dir", spoolDirectory.toString());
                result.put("reason", outcome.reason());
                result.put("latency_ms", outcome.latencyMs());
            }
            case FAILED -> result.put("error", outcome.reason());
            case SKIPPED -> {
                // Returned above.
            }
        }
        if (outcome.drained() > 0) {
            result.put("drained", outcome.drained());
        }
        return result;
    }
}
