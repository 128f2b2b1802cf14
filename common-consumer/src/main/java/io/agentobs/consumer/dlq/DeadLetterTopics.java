package io.agentobs.consumer.dlq;

import io.agentobs.events.Topic;

/** Names the dead-letter topic of any topic: the catalog's name for known topics, {@code <topic>-dlq} otherwise. */
public final class DeadLetterTopics {

    private DeadLetterTopics() {
    }

    /** Dead-letter topic for records read from {@code topic}. */
    public static String of(String topic) {
        return Topic.byName(topic).map(Topic::dlqName).orElse(topic + "-dlq");
    }
}
