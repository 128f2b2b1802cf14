package io.agentobs.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The catalog of agentobs Kafka topics (SPEC §2): name, defaults, key field and event type of each. */
public enum Topic {
    AGENT_ACTIONS("agent-actions", 12, Duration.ofDays(7), "correlation_id", AgentAction.class),
    AGENT_ROUTING_DECISIONS("agent-routing-decisions", 6, Duration.ofDays(30), "correlation_id",
            RoutingDecision.class),
    AGENT_TRANSFORMATION_EVENTS("agent-transformation-events", 6, Duration.ofDays(30), "correlation_id",
            TransformationEvent.class),
    ROUTER_PERFORMANCE_METRICS("router-performance-metrics", 6, Duration.ofDays(30), "correlation_id",
            RouterPerformanceMetric.class),
    TASK_EXECUTIONS("task-executions", 12, Duration.ofDays(90), "fingerprint_id", TaskExecution.class),
    CODE_QUALITY_METRICS("code-quality-metrics", 6, Duration.ofDays(90), "path_id", CodeQualityMetric.class),
    SUCCESS_PATTERNS("success-patterns", 6, Duration.ofDays(365), "pattern_id", SuccessPattern.class),
    FAILURE_PATTERNS("failure-patterns", 6, Duration.ofDays(365), "failure_id", FailurePattern.class);

    private static final String DLQ_SUFFIX = "-dlq";
    private static final Map<String, Topic> BY_NAME = byTopicName();

    private final String topicName;
    private final int defaultPartitions;
    private final Duration retention;
    private final String keyField;
    private final Class<? extends AgentEvent> eventType;

    Topic(String topicName, int defaultPartitions, Duration retention, String keyField,
            Class<? extends AgentEvent> eventType) {
        this.topicName = topicName;
        this.defaultPartitions = defaultPartitions;
        this.retention = retention;
        this.keyField = keyField;
        this.eventType = eventType;
    }

    /** The Kafka topic name, e.g. {@code agent-actions}. */
    public String topicName() {
        return topicName;
    }

    /** Partition count to create the topic with unless configured otherwise. */
    public int defaultPartitions() {
        return defaultPartitions;
    }

    /** Retention ({@code retention.ms}) of the topic, also the retention of its sink tables. */
    public Duration retention() {
        return retention;
    }

    /** JSON field whose value is the record key, e.g. {@code correlation_id}. */
    public String keyField() {
        return keyField;
    }

    /** The record type of this topic's events. */
    public Class<? extends AgentEvent> eventType() {
        return eventType;
    }

    /** The dead-letter topic: {@code <topic>-dlq}. */
    public String dlqName() {
        return topicName + DLQ_SUFFIX;
    }

    /** The Kafka record key of {@code event}, the value of {@link #keyField()}. */
    public String keyOf(AgentEvent event) {
        if (!eventType.isInstance(event)) {
            throw new IllegalArgumentException(
                    "topic " + topicName + " carries " + eventType.getSimpleName() + ", not "
                            + event.getClass().getSimpleName());
        }
        return event.partitionKey();
    }

    /**
     * The lookup table behind {@link #byName}, built with a plain loop: this class is initialised by every CLI
     * invocation, and a stream pipeline's lambdas cost a short-lived process more to link than the loop takes.
     */
    private static Map<String, Topic> byTopicName() {
        Map<String, Topic> byName = new HashMap<>();
        for (Topic topic : values()) {
            byName.put(topic.topicName, topic);
        }
        return Map.copyOf(byName);
    }

    /** The topic named exactly {@code topicName}; empty for unknown names (including DLQ names). */
    public static Optional<Topic> byName(String topicName) {
        return Optional.ofNullable(topicName).map(BY_NAME::get);
    }
}
