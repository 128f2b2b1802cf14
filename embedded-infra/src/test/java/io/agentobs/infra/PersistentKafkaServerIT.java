package io.agentobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.agentobs.infra.client.KafkaTopics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker whose log directory is the caller's: records written before a stop are there after a new start. */
class PersistentKafkaServerIT {

    @TempDir
    Path data;

    @Test
    void recordsSurviveAStopAndANewServerOnTheSameDirectory() {
        int port;
        try (PersistentKafkaServer first = new PersistentKafkaServer(0, data.resolve("kafka"), 1)) {
            first.start();
            port = first.port();
            try (KafkaTopics topics = new KafkaTopics(first.bootstrapServers())) {
                topics.send("kept", "k".getBytes(StandardCharsets.UTF_8), "v1".getBytes(StandardCharsets.UTF_8));
            }
        }

        try (PersistentKafkaServer second = new PersistentKafkaServer(port, data.resolve("kafka"), 1);
             KafkaTopics topics = startAndConnect(second)) {
            List<ConsumerRecord<byte[], byte[]>> records = topics.readAll("kept", 1, Duration.ofSeconds(30));

            assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("v1");
        }
    }

    private static KafkaTopics startAndConnect(PersistentKafkaServer server) {
        server.start();
        return new KafkaTopics(server.bootstrapServers());
    }
}
