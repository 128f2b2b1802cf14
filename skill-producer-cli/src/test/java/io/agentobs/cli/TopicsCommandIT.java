package io.agentobs.cli;

import io.agentobs.events.Topic;
import io.agentobs.infra.junit.KafkaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code topics create|describe} against a broker of its own, so that it starts with no topics. */
class TopicsCommandIT {

    @RegisterExtension
    static final KafkaExtension kafka = new KafkaExtension();

    @Test
    void createMakesEveryTopicAndDeadLetterTopicOnceWithSpecPartitionsAndRetention() {
        Map<String, String> env = Map.of("KAFKA_BROKERS", kafka.bootstrapServers());

        CliRun first = CliRun.run(env, "topics", "create", "--replication-factor", "1");
        CliRun second = CliRun.run(env, "topics", "create");
        CliRun described = CliRun.run(env, "topics", "describe");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.json().get("created").asInt()).isEqualTo(16);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.json().get("created").asInt()).isZero();
        assertThat(second.json().get("existing").asInt()).isEqualTo(16);
        assertThat(described.exitCode()).as(described.toString()).isZero();
        assertThat(described.json().get("all_exist").asBoolean()).isTrue();
        Map<String, JsonNode> byName = new HashMap<>();
        described.json().get("topics").forEach(topic -> byName.put(topic.get("topic").asString(), topic));
        for (Topic topic : Topic.values()) {
            JsonNode main = byName.get(topic.topicName());
            assertThat(main.get("partitions").asInt()).isEqualTo(topic.defaultPartitions());
            assertThat(main.get("retention_ms").asLong()).isEqualTo(topic.retention().toMillis());
            JsonNode dlq = byName.get(topic.dlqName());
            assertThat(dlq.get("exists").asBoolean()).isTrue();
            assertThat(dlq.get("partitions").asInt()).isEqualTo(topic.defaultPartitions());
            assertThat(dlq.get("retention_ms").asLong()).isGreaterThanOrEqualTo(topic.retention().toMillis());
        }
    }
}
