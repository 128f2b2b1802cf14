package io.agentobs.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.agentobs.events.Topic;
import io.agentobs.events.samples.SampleEvents;
import io.agentobs.infra.client.KafkaTopics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import tools.jackson.databind.node.ObjectNode;

/** Creates the topics of a test and publishes events to them, keeping what was sent per topic. */
final class SentEvents {

    private final List<ObjectNode> sent = new ArrayList<>();

    static void createTopics(String bootstrap, int partitions, Collection<Topic> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t.topicName(), partitions, (short) 1)).toList())
                    .all().get();
        }
    }

    static String names(Collection<Topic> topics) {
        return topics.stream().map(Topic::topicName).collect(Collectors.joining(","));
    }

    /** Sends the events in order, each to its topic, and waits for the broker. */
    synchronized void send(KafkaTopics kafka, List<ObjectNode> events) {
        Map<String, List<ObjectNode>> byTopic = events.stream().collect(Collectors.groupingBy(e -> topicOf(e).topicName(),
                LinkedHashMap::new, Collectors.toList()));
        byTopic.forEach((topic, list) -> kafka.sendAll(topic, list.stream()
                .map(e -> new byte[][] {SampleEvents.key(topicOf(e), e), SampleEvents.bytes(e)}).toList()));
        sent.addAll(events);
    }

    synchronized List<ObjectNode> all() {
        return List.copyOf(sent);
    }

    /** Tags an event with its topic (a field the schema does not know, kept by the service and ignored). */
    static ObjectNode tagged(Topic topic, ObjectNode event) {
        event.put("x_topic", topic.topicName());
        return event;
    }

    static Topic topicOf(ObjectNode event) {
        return Topic.byName(event.get("x_topic").asString()).orElseThrow();
    }

    static Instant time(ObjectNode event) {
        return Instant.parse(event.get("timestamp").asString());
    }
}
