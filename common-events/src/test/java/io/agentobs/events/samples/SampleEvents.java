package io.agentobs.events.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventJson;

import tools.jackson.databind.node.ObjectNode;

/**
 * Events for tests, made from the seed examples of every topic (common-events' test resources), which fill every
 * field: fresh ids, a chosen timestamp, and one field the schema does not know.
 */
public final class SampleEvents {

    private SampleEvents() {
    }

    /** A valid event of the topic with fresh ids, the given time and an unknown field {@code x_extra}. */
    public static ObjectNode event(Topic topic, Instant timestamp) {
        ObjectNode event = seed(topic);
        event.put("event_id", UUID.randomUUID().toString());
        event.put("correlation_id", UUID.randomUUID().toString());
        if (!"correlation_id".equals(topic.keyField())) {
            event.put(topic.keyField(), UUID.randomUUID().toString());
        }
        event.put("timestamp", timestamp.toString());
        event.putObject("x_extra").put("note", "kept\tas is\\ \"quoted\" ünïcödé");
        return event;
    }

    /** The event's JSON bytes. */
    public static byte[] bytes(ObjectNode event) {
        return EventJson.mapper().writeValueAsBytes(event);
    }

    /** The Kafka key of the event: its topic's key field. */
    public static byte[] key(Topic topic, ObjectNode event) {
        return event.get(topic.keyField()).asString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode seed(Topic topic) {
        String resource = "/seed-events/" + topic.topicName() + ".json";
        try (InputStream in = SampleEvents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return (ObjectNode) EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
