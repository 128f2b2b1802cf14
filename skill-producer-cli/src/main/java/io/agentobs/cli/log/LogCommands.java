package io.agentobs.cli.log;

import io.agentobs.events.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The eight {@code log-*} subcommands: which topic each publishes to, a short description, and the seed's short
 * option names ({@code --agent}, {@code --confidence}, {@code --strategy}, {@code --latency-ms}…) kept as aliases of
 * the field options.
 */
public final class LogCommands {

    /**
     * One {@code log-*} subcommand.
     *
     * @param name the subcommand name
     * @param topic the topic it publishes to
     * @param description one line for {@code --help}
     * @param aliases extra option names per JSON field
     */
    public record Definition(String name, Topic topic, String description, Map<String, List<String>> aliases) {
    }

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition("log-action", Topic.AGENT_ACTIONS,
                    "Publish one agent action (tool_call, decision, error, success) to agent-actions.",
                    Map.of("agent_name", List.of("--agent"), "action_details", List.of("--details"))),
            new Definition("log-routing-decision", Topic.AGENT_ROUTING_DECISIONS,
                    "Publish one routing decision (selected agent, confidence, alternatives) to "
                            + "agent-routing-decisions.",
                    Map.of("selected_agent", List.of("--agent"), "confidence_score", List.of("--confidence"),
                            "routing_strategy", List.of("--strategy"), "routing_time_ms", List.of("--latency-ms"))),
            new Definition("log-transformation", Topic.AGENT_TRANSFORMATION_EVENTS,
                    "Publish one agent-to-agent transformation to agent-transformation-events.",
                    Map.of("source_agent", List.of("--source"), "target_agent", List.of("--target"),
                            "confidence_score", List.of("--confidence"),
                            "transformation_reason", List.of("--reason"),
                            "transformation_duration_ms", List.of("--duration-ms"))),
            new Definition("log-router-metrics", Topic.ROUTER_PERFORMANCE_METRICS,
                    "Publish one router performance measurement to router-performance-metrics.",
                    Map.of("routing_duration_ms", List.of("--duration-ms", "--latency-ms"),
                            "query_text", List.of("--query"), "trigger_match_strategy", List.of("--strategy"))),
            new Definition("log-task-execution", Topic.TASK_EXECUTIONS,
                    "Publish one task execution (steps, agent chain, outcome, quality) to task-executions.",
                    Map.of("agent_name", List.of("--agent"), "total_duration_ms", List.of("--duration-ms"),
                            "original_prompt", List.of("--prompt"))),
            new Definition("log-code-quality", Topic.CODE_QUALITY_METRICS,
                    "Publish one code quality measurement of a file to code-quality-metrics.",
                    Map.of("file_path", List.of("--file"))),
            new Definition("log-success-pattern", Topic.SUCCESS_PATTERNS,
                    "Publish one learned success pattern to success-patterns.",
                    Map.of()),
            new Definition("log-failure-pattern", Topic.FAILURE_PATTERNS,
                    "Publish one learned failure pattern to failure-patterns.",
                    Map.of()));

    private LogCommands() {
    }

    public static List<Definition> definitions() {
        return DEFINITIONS;
    }

    public static List<String> names() {
        return DEFINITIONS.stream().map(Definition::name).toList();
    }

    /** The definition named {@code name}, or null: a plain loop, as it runs before every log-* command. */
    public static Definition find(String name) {
        for (Definition definition : DEFINITIONS) {
            if (definition.name().equals(name)) {
                return definition;
            }
        }
        return null;
    }

    public static Optional<Definition> byName(String name) {
        return DEFINITIONS.stream().filter(definition -> definition.name().equals(name)).findFirst();
    }

    static String[] optionNames(Definition definition, EventField field) {
        List<String> aliases = definition.aliases().getOrDefault(field.name(), List.of());
        List<String> names = new ArrayList<>(aliases.size() + 1);
        names.add(field.option());
        for (String alias : aliases) {
            if (!names.contains(alias)) {
                names.add(alias);
            }
        }
        return names.toArray(new String[0]);
    }
}
