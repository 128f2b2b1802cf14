package io.agentobs.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Wire-format events the benchmarks decode and produce: a seed-shaped agent action and task execution. */
public final class BenchEvents {

    /** The task-executions example of seed 001 (two steps, one with extra {@code files}), compact. */
    private static final String TASK_EXECUTION = "{\"event_id\":\"6c5b4a39-2817-4605-a4f3-e2d1c0b9a887\","
            + "\"correlation_id\":\"7415f61f-ab2f-4961-97f5-a5f5c6499a4d\","
            + "\"fingerprint_id\":\"b7e4c1a2-9d3f-4e8b-a6c5-2f1e0d9c8b7a\","
            + "\"task_hash\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
            + "\"original_prompt\":\"Create FastAPI CRUD endpoint for users\","
            + "\"task_type\":\"code_generation\",\"domain\":\"api_development\","
            + "\"agent_name\":\"agent-api-architect\","
            + "\"agent_chain\":[\"polymorphic-agent\",\"agent-api-architect\",\"agent-testing\"],"
            + "\"success\":true,\"quality_score\":0.92,\"complexity_score\":0.65,"
            + "\"steps\":[{\"step_number\":1,\"action\":\"rag_query\",\"duration_ms\":1200,\"outcome\":\"success\"},"
            + "{\"step_number\":2,\"action\":\"code_generation\",\"files\":[\"api/users.py\"],\"duration_ms\":850,"
            + "\"outcome\":\"success\"}],"
            + "\"total_duration_ms\":15400,\"tools_used\":[\"perform_rag_query\",\"Write\",\"Bash\"],"
            + "\"user_acceptance\":true,\"timestamp\":\"2025-10-20T18:30:00.123Z\"}";

    private BenchEvents() {
    }

    /** An agent-actions event as a producing skill sends it, with the given ids and timestamp. */
    public static byte[] agentAction(UUID eventId, UUID correlationId, Instant timestamp) {
        return ("{\"event_id\":\"" + eventId + "\",\"correlation_id\":\"" + correlationId + "\","
                + "\"agent_name\":\"agent-x\",\"action_type\":\"tool_call\",\"action_name\":\"Read\","
                + "\"action_details\":{\"file_path\":\"/a.py\",\"lines_read\":10},\"debug_mode\":false,"
                + "\"duration_ms\":42,\"timestamp\":\"" + timestamp.truncatedTo(ChronoUnit.MILLIS) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A fixed agent-actions event (fixed ids and timestamp), for the codec benchmark. */
    public static byte[] agentAction() {
        return agentAction(UUID.fromString("5b8e1d2c-3a4f-4b6c-8d9e-0f1a2b3c4d5e"),
                UUID.fromString("7415f61f-ab2f-4961-97f5-a5f5c6499a4d"), Instant.parse("2026-11-23T10:15:30.123Z"));
    }

    /** The seed 001 task-executions event, for the codec benchmark. */
    public static byte[] taskExecution() {
        return TASK_EXECUTION.getBytes(StandardCharsets.UTF_8);
    }
}
