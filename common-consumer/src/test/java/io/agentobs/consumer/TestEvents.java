package io.agentobs.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Wire-format agent-actions events for tests, valid and deliberately broken. */
final class TestEvents {

    private TestEvents() {
    }

    /** A valid agent-actions event. */
    static byte[] action(UUID eventId, UUID correlationId, String agent) {
        return ("{\"event_id\":\"" + eventId + "\",\"correlation_id\":\"" + correlationId + "\","
                + "\"agent_name\":\"" + agent + "\",\"action_type\":\"tool_call\",\"action_name\":\"Read\","
                + "\"action_details\":{\"file_path\":\"/tmp/x.py\",\"lines_read\":10},\"debug_mode\":true,"
                + "\"duration_ms\":42,\"timestamp\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Not JSON at all. */
    static byte[] malformed() {
        return "{\"event_id\": \"not closed".getBytes(StandardCharsets.UTF_8);
    }

    /** JSON of the right shape whose action_type is not one of the allowed values. */
    static byte[] badActionType(UUID eventId, UUID correlationId) {
        return new String(action(eventId, correlationId, "agent-x"), StandardCharsets.UTF_8)
                .replace("\"tool_call\"", "\"teleport\"").getBytes(StandardCharsets.UTF_8);
    }
}
