package io.agentobs.events;

import java.util.stream.Stream;

/**
 * The table of invalid events: a seed example with one field changed, the field the error must name and a fragment
 * of its message. Shared by the codec test and the JSON Schema conformance test.
 */
public final class InvalidEventCases {

    /** A 400-digit integer: beyond every Java integer type and beyond the range of a double. */
    public static final String HUGE_INTEGER = "1" + "0".repeat(399);

    private static final int SHOWN_REPLACEMENT = 40;

    private InvalidEventCases() {
    }

    /**
     * One invalid variant of a seed event.
     *
     * @param replacement JSON text put at {@code path}, or null to remove the field
     * @param schemaExpressible whether the exported JSON Schema can reject it too (it cannot express Java's
     *                          integer ranges, the range of a 64-bit float, nor characters storage cannot hold)
     */
    public record Case(Topic topic, String path, String replacement, String expectedField, String messageFragment,
            boolean schemaExpressible) {

        public byte[] payload() {
            return SeedEvents.withChange(topic, path, replacement);
        }

        @Override
        public String toString() {
            String shown = replacement == null || replacement.length() <= SHOWN_REPLACEMENT ? replacement
                    : replacement.substring(0, SHOWN_REPLACEMENT) + "... (" + replacement.length() + " chars)";
            return printable(topic.topicName() + " " + path + (replacement == null ? " removed" : " = " + shown));
        }

        /** Control characters and surrogates as escapes, so test reports stay valid XML. */
        private static String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.chars().forEach(c -> out.append(c < ' ' || Character.isSurrogate((char) c)
                    ? String.format("\\u%04X", c) : String.valueOf((char) c)));
            return out.toString();
        }
    }

    public static Stream<Case> all() {
        return Stream.of(
                // agent-actions: identifiers, enum, strict types, timestamp, envelope fields
                bad(Topic.AGENT_ACTIONS, "event_id", null, "is required"),
                bad(Topic.AGENT_ACTIONS, "event_id", "null", "must not be null"),
                bad(Topic.AGENT_ACTIONS, "event_id", "\"not-a-uuid\"", "must be a UUID string"),
                bad(Topic.AGENT_ACTIONS, "event_id", "\"7415f61fab2f496197f5a5f5c6499a4d\"", "must be a UUID string"),
                bad(Topic.AGENT_ACTIONS, "correlation_id", "42", "must be a UUID string like"),
                bad(Topic.AGENT_ACTIONS, "action_type", "\"delete\"",
                        "must be one of [tool_call, decision, error, success], got string \"delete\""),
                bad(Topic.AGENT_ACTIONS, "action_type", "\"TOOL_CALL\"", "must be one of [tool_call"),
                bad(Topic.AGENT_ACTIONS, "agent_name", "123", "must be a string, got number 123"),
                bad(Topic.AGENT_ACTIONS, "agent_name", "\"   \"", "must not be blank"),
                bad(Topic.AGENT_ACTIONS, "action_name", null, "is required"),
                bad(Topic.AGENT_ACTIONS, "duration_ms", "-1", "must be >= 0, got number -1"),
                bad(Topic.AGENT_ACTIONS, "duration_ms", "1.5", "must be an integer, got number 1.5"),
                bad(Topic.AGENT_ACTIONS, "duration_ms", "\"45\"", "must be an integer, got string \"45\""),
                bad(Topic.AGENT_ACTIONS, "debug_mode", "\"true\"", "must be a boolean (true or false), got string"),
                bad(Topic.AGENT_ACTIONS, "debug_mode", "1", "must be a boolean (true or false), got number 1"),
                bad(Topic.AGENT_ACTIONS, "timestamp", "\"2025-10-20T18:30:00.123\"",
                        "must carry 'Z' or an explicit UTC offset"),
                bad(Topic.AGENT_ACTIONS, "timestamp", "\"yesterday\"", "must be an ISO-8601 instant"),
                bad(Topic.AGENT_ACTIONS, "timestamp", "\"2025-10-20\"", "must be an ISO-8601 instant"),
                bad(Topic.AGENT_ACTIONS, "timestamp", "1760985000", "must be an ISO-8601 timestamp string, got number"),
                bad(Topic.AGENT_ACTIONS, "timestamp", null, "is required"),
                bad(Topic.AGENT_ACTIONS, "metadata", "\"skill-1.0\"", "must be a JSON object, got string"),
                bad(Topic.AGENT_ACTIONS, "metadata", "[]", "must be a JSON object, got array"),
                bad(Topic.AGENT_ACTIONS, "action_details", "[1, 2]", "must be a JSON object, got array"),
                bad(Topic.AGENT_ACTIONS, "schema_version", "0", "must be >= 1, got number 0"),
                bad(Topic.AGENT_ACTIONS, "schema_version", "\"1\"", "must be an integer, got string"),
                bad(Topic.AGENT_ACTIONS, "schema_version", "1.5", "must be an integer, got number 1.5"),
                // agent-routing-decisions: scores and the nested alternatives
                bad(Topic.AGENT_ROUTING_DECISIONS, "confidence_score", "1.2", "must be between 0 and 1, got number 1.2"),
                bad(Topic.AGENT_ROUTING_DECISIONS, "confidence_score", "-0.1", "must be between 0 and 1"),
                bad(Topic.AGENT_ROUTING_DECISIONS, "confidence_score", "\"0.92\"", "must be a number, got string"),
                bad(Topic.AGENT_ROUTING_DECISIONS, "confidence_score", null, "is required"),
                bad(Topic.AGENT_ROUTING_DECISIONS, "selected_agent", null, "is required"),
                bad(Topic.AGENT_ROUTING_DECISIONS, "alternatives[1].confidence_score", "7", "must be between 0 and 1"),
                bad(Topic.AGENT_ROUTING_DECISIONS, "alternatives[0].agent_name", null, "is required"),
                bad(Topic.AGENT_ROUTING_DECISIONS, "alternatives[1]", "\"agent-debug\"",
                        "must be a JSON object, got string"),
                bad(Topic.AGENT_ROUTING_DECISIONS, "alternatives[0]", "null", "must not be null"),
                bad(Topic.AGENT_ROUTING_DECISIONS, "alternatives", "{}", "must be an array, got object"),
                bad(Topic.AGENT_ROUTING_DECISIONS, "routing_time_ms", "-5", "must be >= 0"),
                // agent-transformation-events
                bad(Topic.AGENT_TRANSFORMATION_EVENTS, "success", "\"yes\"", "must be a boolean"),
                bad(Topic.AGENT_TRANSFORMATION_EVENTS, "success", null, "is required"),
                bad(Topic.AGENT_TRANSFORMATION_EVENTS, "target_agent", "\"\"", "must not be blank"),
                bad(Topic.AGENT_TRANSFORMATION_EVENTS, "transformation_duration_ms", "-45", "must be >= 0"),
                bad(Topic.AGENT_TRANSFORMATION_EVENTS, "context_preserved", "\"{}\"", "must be a JSON object"),
                // router-performance-metrics
                bad(Topic.ROUTER_PERFORMANCE_METRICS, "routing_duration_ms", null, "is required"),
                bad(Topic.ROUTER_PERFORMANCE_METRICS, "candidates_evaluated", "-1", "must be >= 0"),
                bad(Topic.ROUTER_PERFORMANCE_METRICS, "candidates_evaluated", "3.5", "must be an integer"),
                bad(Topic.ROUTER_PERFORMANCE_METRICS, "cache_hit", "\"false\"", "must be a boolean"),
                // task-executions: key field, arrays, steps
                bad(Topic.TASK_EXECUTIONS, "fingerprint_id", "\"abc\"", "must be a UUID string"),
                bad(Topic.TASK_EXECUTIONS, "fingerprint_id", null, "is required"),
                bad(Topic.TASK_EXECUTIONS, "task_type", null, "is required"),
                bad(Topic.TASK_EXECUTIONS, "agent_chain[1]", "5", "must be a string, got number 5"),
                bad(Topic.TASK_EXECUTIONS, "tools_used", "\"Write\"", "must be an array, got string"),
                bad(Topic.TASK_EXECUTIONS, "steps[1].duration_ms", "-850", "must be >= 0, got number -850"),
                bad(Topic.TASK_EXECUTIONS, "steps[0].action", null, "is required"),
                bad(Topic.TASK_EXECUTIONS, "quality_score", "1.01", "must be between 0 and 1"),
                bad(Topic.TASK_EXECUTIONS, "complexity_score", "-0.5", "must be between 0 and 1"),
                bad(Topic.TASK_EXECUTIONS, "total_duration_ms", "-1", "must be >= 0"),
                new InvalidEventCases.Case(Topic.TASK_EXECUTIONS, "total_duration_ms", "12345678901234567890",
                        "total_duration_ms", "must be an integer between", false),
                // code-quality-metrics
                bad(Topic.CODE_QUALITY_METRICS, "path_id", null, "is required"),
                bad(Topic.CODE_QUALITY_METRICS, "quality_score", null, "is required"),
                bad(Topic.CODE_QUALITY_METRICS, "quality_score", "92", "must be between 0 and 1, got number 92"),
                bad(Topic.CODE_QUALITY_METRICS, "onex_compliance_score", "2", "must be between 0 and 1"),
                bad(Topic.CODE_QUALITY_METRICS, "test_coverage", "100.5", "must be between 0 and 100"),
                bad(Topic.CODE_QUALITY_METRICS, "lines_added", "-3", "must be >= 0"),
                bad(Topic.CODE_QUALITY_METRICS, "tests_failed", "2.5", "must be an integer"),
                bad(Topic.CODE_QUALITY_METRICS, "file_path", "[\"api/users.py\"]", "must be a string, got array"),
                // success-patterns
                bad(Topic.SUCCESS_PATTERNS, "pattern_id", "\"pattern-1\"", "must be a UUID string"),
                bad(Topic.SUCCESS_PATTERNS, "pattern_type", "null", "must not be null"),
                bad(Topic.SUCCESS_PATTERNS, "estimated_duration_ms", "-1", "must be >= 0"),
                bad(Topic.SUCCESS_PATTERNS, "pattern_template", "\"steps\"", "must be a JSON object"),
                // failure-patterns
                bad(Topic.FAILURE_PATTERNS, "failure_id", null, "is required"),
                bad(Topic.FAILURE_PATTERNS, "error_message", null, "is required"),
                bad(Topic.FAILURE_PATTERNS, "time_to_resolve_ms", "-3400", "must be >= 0"),
                bad(Topic.FAILURE_PATTERNS, "resolution_steps[0]", "\"identify_root_cause\"",
                        "must be a JSON object, got string"),
                bad(Topic.FAILURE_PATTERNS, "contributing_factors[0]", "null", "must not be null"),
                bad(Topic.FAILURE_PATTERNS, "failed_step", "4", "must be a JSON object, got number"),
                // numbers no Java type or 64-bit float holds: exact checks, never Infinity or a silent 0
                beyondSchema(Topic.AGENT_ROUTING_DECISIONS, "routing_time_ms", "1e400",
                        "must be an integer between -9223372036854775808 and 9223372036854775807, got number 1E+400"),
                beyondSchema(Topic.AGENT_ACTIONS, "schema_version", "1e400",
                        "must be an integer between -2147483648 and 2147483647, got number 1E+400"),
                beyondSchema(Topic.AGENT_ACTIONS, "duration_ms", "-1e400", "must be an integer between"),
                beyondSchema(Topic.AGENT_ACTIONS, "duration_ms", "1e-400", "must be an integer, got number 1E-400"),
                beyondSchema(Topic.TASK_EXECUTIONS, "total_duration_ms", HUGE_INTEGER, "must be an integer between"),
                beyondSchema(Topic.AGENT_ROUTING_DECISIONS, "confidence_score", "1e400",
                        "is too large for a 64-bit floating-point number"),
                beyondSchema(Topic.AGENT_ROUTING_DECISIONS, "alternatives[0].confidence_score", "-1e400",
                        "is too large for a 64-bit floating-point number"),
                beyondSchema(Topic.CODE_QUALITY_METRICS, "test_coverage", "1e-400",
                        "is too small for a 64-bit floating-point number"),
                beyondSchema(Topic.CODE_QUALITY_METRICS, "quality_score", HUGE_INTEGER,
                        "is too large for a 64-bit floating-point number"),
                beyondSchema(Topic.AGENT_ACTIONS, "action_details.lines_read", "1e400",
                        "is too large for a 64-bit floating-point number (magnitude above 1.8e308), got number 1E+400"),
                beyondSchema(Topic.ROUTER_PERFORMANCE_METRICS, "confidence_components.historical_score", "-1e-400",
                        "is too small for a 64-bit floating-point number"),
                // characters PostgreSQL text/jsonb cannot store, anywhere in the event
                beyondSchema(Topic.AGENT_ACTIONS, "agent_name", "\"agent\\u0000\"",
                        "contains a NUL character (\\u0000), which storage cannot hold"),
                beyondSchema(Topic.AGENT_ACTIONS, "action_details.note", "\"a\\u0000b\"",
                        "contains a NUL character (\\u0000), which storage cannot hold"),
                beyondSchema(Topic.AGENT_ROUTING_DECISIONS, "alternatives[1].reason", "\"x\\ud800\"",
                        "contains a lone UTF-16 surrogate (\\uD800) at character 1"),
                beyondSchema(Topic.TASK_EXECUTIONS, "agent_chain[2]", "\"\\udc00agent\"",
                        "contains a lone UTF-16 surrogate (\\uDC00) at character 0"),
                beyondSchema(Topic.TASK_EXECUTIONS, "steps[1].files[0]", "\"api/\\u0000.py\"",
                        "contains a NUL character"),
                new Case(Topic.FAILURE_PATTERNS, "resolution_steps[1].files", "[\"ok\", {\"deep\": \"\\ud83d\"}]",
                        "resolution_steps[1].files[1].deep", "contains a lone UTF-16 surrogate (\\uD83D)", false),
                new Case(Topic.AGENT_ACTIONS, "action_details.bad\u0000key", "1", "action_details.bad\\u0000key",
                        "name contains a NUL character (\\u0000), which storage cannot hold", false),
                new Case(Topic.SUCCESS_PATTERNS, "agent_host\u0000", "\"worker-7\"", "agent_host\\u0000",
                        "name contains a NUL character (\\u0000)", false));
    }

    private static Case bad(Topic topic, String path, String replacement, String messageFragment) {
        return new Case(topic, path, replacement, path, messageFragment, true);
    }

    /** A case the JSON Schema cannot express (see {@link Case#schemaExpressible()}). */
    private static Case beyondSchema(Topic topic, String path, String replacement, String messageFragment) {
        return new Case(topic, path, replacement, path, messageFragment, false);
    }
}
