package io.agentobs.cli.send;

import io.agentobs.cli.spool.SpooledEvent;

/**
 * A validated event ready to send: topic, record key, UTF-8 JSON value and its {@code event_id} for the result.
 *
 * @param topic the topic name
 * @param key the record key: the topic's partition key value
 * @param value the JSON bytes, sent unchanged
 * @param eventId the event's {@code event_id}, reported in results
 */
public record OutgoingEvent(String topic, String key, byte[] value, String eventId) {

    SpooledEvent toSpooled() {
        return new SpooledEvent(topic, key, value);
    }
}
