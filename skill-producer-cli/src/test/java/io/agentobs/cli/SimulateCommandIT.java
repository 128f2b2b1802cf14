package io.agentobs.cli;

import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.infra.junit.KafkaExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code simulate} against a broker of its own: every topic gets valid, correctly keyed events. */
class SimulateCommandIT {

    @RegisterExtension
    static final KafkaExtension kafka = new KafkaExtension();

    @TempDir
    Path spool;

    @Test
    void simulatedTrafficReachesEveryTopicValidAndKeyed() throws Exception {
        CliRun run = CliRun.run(Map.of("KAFKA_BROKERS", kafka.bootstrapServers(), "AGENTOBS_SPOOL_DIR",
                spool.toString()), "simulate", "--rate", "0", "--events", "3000", "--seed", "7", "--no-progress");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode summary = run.json();
        assertThat(summary.get("events").asLong()).isEqualTo(3000);
        assertThat(summary.get("sent").asLong()).isEqualTo(3000);
        EventCodec codec = new EventCodec();
        long total = 0;
        for (Topic topic : Topic.values()) {
            long reported = summary.get("by_topic").get(topic.topicName()).asLong();
            assertThat(reported).as(topic.topicName()).isPositive();
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(kafka.bootstrapServers(),
                    topic.topicName(), (int) reported, Duration.ofSeconds(30));
            assertThat(records).as(topic.topicName()).hasSize((int) reported);
            for (ConsumerRecord<String, byte[]> record : records) {
                assertThat(record.key()).isEqualTo(codec.decode(topic, record.value()).partitionKey());
            }
            total += records.size();
        }
        assertThat(total).isEqualTo(3000);
    }

    @Test
    void rateAndDurationBoundTheRun() {
        CliRun run = CliRun.run(Map.of("KAFKA_BROKERS", kafka.bootstrapServers(), "AGENTOBS_SPOOL_DIR",
                spool.toString()), "simulate", "--rate", "200", "--duration", "2s", "--no-progress");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        long events = run.json().get("events").asLong();
        assertThat(events).isBetween(250L, 450L);
        assertThat(run.json().get("sent").asLong()).isEqualTo(events);
    }
}
