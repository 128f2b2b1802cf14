package io.agentobs.cli.simulate;

import io.agentobs.events.Topic;

/**
 * One generated event, ready to send: topic, record key (the topic's partition key value) and UTF-8 JSON value.
 *
 * <p>The value array is owned by the event and not copied; senders must not modify it.
 */
public record GeneratedEvent(Topic topic, String key, byte[] value) {
}
