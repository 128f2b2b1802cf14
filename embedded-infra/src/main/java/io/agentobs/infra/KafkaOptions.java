package io.agentobs.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to run an embedded Kafka broker.
 *
 * @param port              port for clients, or 0 for a free one chosen at start
 * @param partitions        {@code num.partitions}: partitions of auto-created topics
 * @param autoCreateTopics  {@code auto.create.topics.enable}
 * @param brokerProperties  further broker settings; they win over the ones derived from the other fields
 */
public record KafkaOptions(int port, int partitions, boolean autoCreateTopics, Map<String, String> brokerProperties) {

    public KafkaOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (random) or 1-65535, was " + port);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        brokerProperties = Map.copyOf(brokerProperties);
    }

    /** For tests: a free port, one partition per auto-created topic, auto-creation on. */
    public static KafkaOptions randomPort() {
        return new KafkaOptions(0, 1, true, Map.of());
    }

    /** For the local stack: the given port, otherwise as {@link #randomPort()}. */
    public static KafkaOptions fixedPort(int port) {
        return randomPort().withPort(port);
    }

    public KafkaOptions withPort(int newPort) {
        return new KafkaOptions(newPort, partitions, autoCreateTopics, brokerProperties);
    }

    public KafkaOptions withPartitions(int newPartitions) {
        return new KafkaOptions(port, newPartitions, autoCreateTopics, brokerProperties);
    }

    public KafkaOptions withAutoCreateTopics(boolean enabled) {
        return new KafkaOptions(port, partitions, enabled, brokerProperties);
    }

    public KafkaOptions withBrokerProperty(String key, String value) {
        Map<String, String> merged = new LinkedHashMap<>(brokerProperties);
        merged.put(key, value);
        return new KafkaOptions(port, partitions, autoCreateTopics, merged);
    }
}
