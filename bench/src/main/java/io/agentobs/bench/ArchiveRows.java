package io.agentobs.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.events.AgentAction;
import io.agentobs.events.AgentEvent;
import io.agentobs.events.FailurePattern;
import io.agentobs.events.RoutingDecision;
import io.agentobs.events.SuccessPattern;
import io.agentobs.events.TaskExecution;
import io.agentobs.events.Topic;
import io.agentobs.events.TransformationEvent;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.codec.InvalidEventException;

/**
 * Archive rows of valid events as audit-logger-service builds them (its {@code ArchivedRecords}, which the bench
 * cannot link against): the record untouched plus the envelope columns decoded from its value.
 */
final class ArchiveRows {

    private static final EventCodec CODEC = new EventCodec();

    private ArchiveRows() {
    }

    /** The row of a record of {@code topic} written with CreateTime {@code timestampMs}; the value must be valid. */
    static ArchivedRecord of(Topic topic, int partition, long offset, long timestampMs, String key, byte[] value) {
        AgentEvent event;
        try {
            event = CODEC.decode(topic, value);
        } catch (InvalidEventException e) {
            throw new IllegalArgumentException("invalid " + topic.topicName() + " event: " + e.getMessage(), e);
        }
        return new ArchivedRecord(topic.topicName(), partition, offset, timestampMs, "CreateTime",
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, List.of(),
                event.eventId().toString(), event.correlationId().toString(), micros(event.timestamp()), agent(event),
                eventType(event), null);
    }

    private static Long micros(Instant instant) {
        return instant == null ? null
                : TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1_000L;
    }

    /** The agent an event is about, for event types that name one. */
    private static String agent(AgentEvent event) {
        if (event instanceof AgentAction action) {
            return action.agentName();
        }
        if (event instanceof RoutingDecision routing) {
            return routing.selectedAgent();
        }
        if (event instanceof TaskExecution task) {
            return task.agentName();
        }
        if (event instanceof TransformationEvent transformation) {
            return transformation.sourceAgent();
        }
        return null;
    }

    /** The event's own kind within its topic (action type, task type, pattern or failure type). */
    private static String eventType(AgentEvent event) {
        if (event instanceof AgentAction action) {
            return action.actionType() == null ? null : action.actionType().wireName();
        }
        if (event instanceof TaskExecution task) {
            return task.taskType();
        }
        if (event instanceof SuccessPattern pattern) {
            return pattern.patternType();
        }
        if (event instanceof FailurePattern failure) {
            return failure.failureType();
        }
        return null;
    }
}
