package io.agentobs.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.agentobs.events.AgentEvent;
import io.agentobs.events.Topic;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import tools.jackson.databind.node.ObjectNode;

/**
 * One valid event as a sink receives it: the decoded event together with the Kafka record it came from.
 *
 * @param topic catalog entry of the record's topic
 * @param json the validated JSON object (unwrapped from a Debezium envelope if it came in one)
 * @param event the event bound to its record type; null for sinks that do not {@linkplain EventSink#bindsEvents()
 *              bind events}
 * @param record the original record: coordinates, key, headers and the value bytes untouched
 */
public record ConsumedEvent(Topic topic, ObjectNode json, AgentEvent event, ConsumerRecord<byte[], byte[]> record) {

    /** Partition the record was read from. */
    public int partition() {
        return record.partition();
    }

    /** Offset of the record in its partition. */
    public long offset() {
        return record.offset();
    }

    /** The record key as text (keys are UTF-8 partition-key values), or null when the record had none. */
    public String key() {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** The original value bytes exactly as they were produced. */
    public byte[] value() {
        return record.value();
    }

    /** Broker or producer timestamp of the record. */
    public Instant recordTimestamp() {
        return Instant.ofEpochMilli(record.timestamp());
    }

    /** {@code topic-partition@offset}, for logs and error messages. */
    public String coordinates() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
