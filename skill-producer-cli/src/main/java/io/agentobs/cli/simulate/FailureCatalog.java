package io.agentobs.cli.simulate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The failure modes of each tool; a small set, so failure signatures repeat as they do in real fleets. */
final class FailureCatalog {

    private static final List<FailureMode> ALL = List.of(
            new FailureMode(Tool.READ, "tool_error", "file_not_found",
                    "FileNotFoundError: [Errno 2] No such file or directory: '{file}'",
                    "The file was renamed in a recent refactor and the agent used a stale path",
                    List.of("stale_file_index", "renamed_module"),
                    "Resolved the new path with Glob before reading",
                    List.of("glob_for_file", "retry_read"),
                    "Resolve paths with Glob instead of relying on cached file lists", true, 0),
            new FailureMode(Tool.GLOB, "tool_error", "invalid_pattern",
                    "Invalid glob pattern: unmatched '{' at position {line}",
                    "The agent built the pattern from unescaped user input",
                    List.of("unescaped_user_input"),
                    "Escaped braces in the pattern",
                    List.of("escape_pattern", "retry_glob"),
                    "Escape user input before building glob patterns", true, 0),
            new FailureMode(Tool.GREP, "tool_error", "invalid_pattern",
                    "regex parse error: unclosed group at position {line}",
                    "The agent passed a literal string with parentheses as a regular expression",
                    List.of("unescaped_regex", "literal_search_intent"),
                    "Searched with a fixed-string pattern",
                    List.of("escape_pattern", "retry_grep"),
                    "Use fixed-string search for literal code fragments", true, 0),
            new FailureMode(Tool.EDIT, "tool_error", "edit_conflict",
                    "old_string not found in {file}: the file changed since it was read",
                    "Another step modified the file between Read and Edit",
                    List.of("concurrent_edits", "stale_read"),
                    "Re-read the file and re-applied the edit",
                    List.of("reread_file", "reapply_edit"),
                    "Read a file immediately before editing it", true, 0),
            new FailureMode(Tool.WRITE, "permission_error", "permission_denied",
                    "PermissionError: [Errno 13] Permission denied: '{file}'",
                    "The target directory is owned by root after a container build",
                    List.of("docker_volume_ownership", "shared_workspace"),
                    "Fixed the ownership of the mounted volume",
                    List.of("inspect_permissions", "chown_workspace", "retry_write"),
                    "Run build containers with the workspace user's uid", false, 0),
            new FailureMode(Tool.BASH, "test_failure", "assertion_error",
                    "AssertionError: expected status 200, got 500 ({file}:{line})",
                    "The handler does not accept a request without the optional field",
                    List.of("missing_input_validation", "incomplete_test_fixtures"),
                    "Made the field optional in the request model and added a regression test",
                    List.of("reproduce_locally", "update_request_model", "add_regression_test"),
                    "Generate tests for optional fields from the API schema", true, 0),
            new FailureMode(Tool.BASH, "validation_failure", "type_error",
                    "{file}:{line}: error: Expected str, got int for field 'user_id'",
                    "Inconsistent ID format between legacy and new database records",
                    List.of("database_migration_incomplete", "mixed_data_types"),
                    "Changed the user_id field type from str to Union[str, int]",
                    List.of("identify_root_cause", "update_type_annotations"),
                    "Add runtime type coercion in Pydantic validators", true, 0),
            new FailureMode(Tool.BASH, "build_failure", "dependency_error",
                    "ModuleNotFoundError: No module named 'pydantic_settings'",
                    "A dependency was used in code but not added to the requirements",
                    List.of("unpinned_dependencies", "missing_lockfile_update"),
                    "Added the package to the requirements and rebuilt",
                    List.of("inspect_imports", "update_requirements", "rebuild"),
                    "Check imports against the lockfile before running tests", true, 0),
            new FailureMode(Tool.BASH, "timeout", "command_timeout",
                    "Command timed out after 120000 ms",
                    "The test suite waits on an external service that is not reachable from the sandbox",
                    List.of("network_dependency_in_tests", "no_client_timeout"),
                    "Replaced the external service with a local fake in tests",
                    List.of("identify_blocking_call", "add_test_fake"),
                    "Forbid network access in unit tests", false, 120_000),
            new FailureMode(Tool.WEB_FETCH, "network_error", "timeout",
                    "Timeout after 30000 ms fetching the documentation page",
                    "The documentation host rate-limited the agent",
                    List.of("rate_limiting", "no_retry_backoff"),
                    "Retried with backoff and fell back to the RAG index",
                    List.of("retry_with_backoff", "query_rag_index"),
                    "Cache fetched documentation in the RAG index", true, 30_000),
            new FailureMode(Tool.RAG_QUERY, "dependency_failure", "service_unavailable",
                    "RAG service unavailable: connection refused (qdrant:6333)",
                    "The vector store restarted during a deployment",
                    List.of("single_replica_vector_store", "no_readiness_gate"),
                    "Waited for the vector store and retried the query",
                    List.of("check_service_health", "retry_query"),
                    "Run the vector store with two replicas and a readiness probe", true, 0));

    private static final Map<Tool, List<FailureMode>> BY_TOOL = byTool();

    private FailureCatalog() {
    }

    /** A failure mode of {@code tool}, drawn uniformly. */
    static FailureMode pick(Tool tool, RandomSource random) {
        return random.pick(BY_TOOL.get(tool));
    }

    private static Map<Tool, List<FailureMode>> byTool() {
        Map<Tool, List<FailureMode>> byTool = new EnumMap<>(Tool.class);
        for (Tool tool : Tool.values()) {
            List<FailureMode> modes = ALL.stream().filter(mode -> mode.tool() == tool).toList();
            if (modes.isEmpty()) {
                throw new IllegalStateException("no failure mode for tool " + tool);
            }
            byTool.put(tool, modes);
        }
        return byTool;
    }
}
