package io.agentobs.auditlogger.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.agentobs.audit.archive.ArchivedHeader;
import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.consumer.ConsumedEvent;
import io.agentobs.consumer.dlq.DeadLetter;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventEnvelope;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns consumed records into archive rows: the Kafka record untouched plus the envelope columns. */
final class ArchivedRecords {

    /** Fixed cost counted per record on top of its bytes (object headers, references, offsets). */
    private static final int RECORD_OVERHEAD_BYTES = 160;

    private ArchivedRecords() {
    }

    /** The field naming the agent an event is about, for topics whose events name one. */
    private static final Map<Topic, String> AGENT_FIELDS = new EnumMap<>(Map.of(
            Topic.AGENT_ACTIONS, "agent_name",
            Topic.AGENT_ROUTING_DECISIONS, "selected_agent",
            Topic.TASK_EXECUTIONS, "agent_name",
            Topic.AGENT_TRANSFORMATION_EVENTS, "source_agent"));
    /** The field holding an event's own kind within its topic (action, task, pattern or failure type). */
    private static final Map<Topic, String> TYPE_FIELDS = new EnumMap<>(Map.of(
            Topic.AGENT_ACTIONS, "action_type",
            Topic.TASK_EXECUTIONS, "task_type",
            Topic.SUCCESS_PATTERNS, "pattern_type",
            Topic.FAILURE_PATTERNS, "failure_type"));

    /** A valid event: the record and its envelope. */
    static ArchivedRecord of(ConsumedEvent consumed) {
        ObjectNode json = consumed.json();
        EventEnvelope envelope = EventEnvelope.of(json);
        return of(consumed.record(), envelope.eventId().toString(), envelope.correlationId().toString(),
                micros(envelope.timestamp()), text(json, AGENT_FIELDS.get(consumed.topic())),
                text(json, TYPE_FIELDS.get(consumed.topic())), null);
    }

    /** A record that went to the dead-letter topic: the record and why, no envelope. */
    static ArchivedRecord of(DeadLetter letter) {
        return of(letter.record(), null, null, null, null, null, letter.errorClass() + ": " + letter.errorMessage());
    }

    /** Memory a buffered record takes, as counted against the budget. */
    static long sizeOf(ArchivedRecord record) {
        long size = RECORD_OVERHEAD_BYTES + length(record.key()) + length(record.value());
        for (ArchivedHeader header : record.headers()) {
            size += 48 + header.key().length() + length(header.value());
        }
        return size;
    }

    private static ArchivedRecord of(ConsumerRecord<byte[], byte[]> record, String eventId, String correlationId,
                                     Long eventTimeMicros, String agent, String eventType, String deadLetter) {
        return new ArchivedRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType().name, record.key(), record.value(), headers(record), eventId, correlationId,
                eventTimeMicros, agent, eventType, deadLetter);
    }

    private static List<ArchivedHeader> headers(ConsumerRecord<byte[], byte[]> record) {
        Header[] headers = record.headers().toArray();
        if (headers.length == 0) {
            return List.of();
        }
        List<ArchivedHeader> archived = new ArrayList<>(headers.length);
        for (Header header : headers) {
            archived.add(new ArchivedHeader(header.key(), header.value()));
        }
        return archived;
    }

    private static Long micros(Instant instant) {
        return instant == null ? null
                : TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1_000L;
    }

    /** The text of {@code field} in the event, or null when the topic has no such field or the event leaves it out. */
    private static String text(ObjectNode json, String field) {
        if (field == null) {
            return null;
        }
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
