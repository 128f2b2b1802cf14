package io.agentobs.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event on one of the agentobs Kafka topics: the envelope every event type shares (SPEC §2).
 *
 * <p>Instances are plain data. They are validated when they come off the wire ({@code EventCodec.decode}) or on
 * request ({@code EventCodec.validate}); the constructors do not check values, so hand-built events should be
 * validated before they are published.
 */
public sealed interface AgentEvent
        permits AgentAction, RoutingDecision, TransformationEvent, RouterPerformanceMetric, TaskExecution,
        CodeQualityMetric, SuccessPattern, FailurePattern {

    /** The {@code schema_version} this code writes, and assumes when an event carries none. */
    int CURRENT_SCHEMA_VERSION = 1;

    /** {@code event_id}: unique per event, the idempotency key of every sink. */
    UUID eventId();

    /** {@code correlation_id}: links the events of one agent trace. */
    UUID correlationId();

    /** {@code timestamp}: when the event happened, normalised to UTC. */
    Instant timestamp();

    /** {@code schema_version}: 1 when the event carried none; higher versions are accepted if their fields validate. */
    int schemaVersion();

    /** {@code metadata}: free-form producer information, or null when absent. */
    Map<String, Object> metadata();

    /** Top-level fields this version does not know, kept and written back unchanged (forward compatibility). */
    Map<String, Object> extraFields();

    /** The topic this event type belongs on. */
    Topic topic();

    /** Value of the topic's key field ({@link Topic#keyField()}), the Kafka record key; null only if unset. */
    String partitionKey();
}
