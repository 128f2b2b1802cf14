package io.agentobs.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.agentobs.consumer.app.TestConsumerApplication;
import io.agentobs.infra.junit.KafkaExtension;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM while a batch is in the sink: the service finishes the batch, commits it and exits within its deadline. */
class GracefulShutdownIT {

    @RegisterExtension
    static final KafkaExtension kafka = new KafkaExtension();

    @TempDir
    Path dir;

    @Test
    void sigtermMidBatchCompletesAndCommitsTheBatch() throws Exception {
        String group = "sigterm-" + UUID.randomUUID();
        String topic = "agent-actions";
        UUID correlation = UUID.randomUUID();
        List<UUID> ids = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
        try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            client.createTopics(3, topic, topic + "-dlq");
            client.send(topic, correlation.toString(), ids.stream().map(id -> TestEvents.action(id, correlation, "a")).toList());

            Path started = dir.resolve("started");
            Path stored = dir.resolve("stored");
            Process service = startChild(group, started, stored);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(started));
                service.destroy(); // SIGTERM
                assertThat(service.waitFor(40, TimeUnit.SECONDS)).as("service exits within its shutdown deadline").isTrue();
            } finally {
                service.destroyForcibly();
            }

            Set<String> storedIds = Set.copyOf(Files.readAllLines(stored, StandardCharsets.UTF_8));
            assertThat(storedIds).containsAll(ids.stream().map(UUID::toString).toList());
            Map<TopicPartition, Long> committed = client.committed(group, topic);
            Set<TopicPartition> partitions = IntStream.range(0, 3).mapToObj(p -> new TopicPartition(topic, p)).collect(Collectors.toSet());
            Map<TopicPartition, Long> ends = client.endOffsets(partitions);
            ends.forEach((tp, end) -> {
                if (end > 0) {
                    assertThat(committed.get(tp)).as("committed offset of %s", tp).isEqualTo(end);
                }
            });
            assertThat(Files.readString(dir.resolve("service.log"))).contains("Consumer stopped").doesNotContain("Stopping container due to an Error");
        }
    }

    private Process startChild(String group, Path started, Path stored) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TestConsumerApplication.class.getName());
        command.add("--server.port=0");
        command.add("--spring.application.name=sigterm-test");
        command.add("--agentobs.kafka.brokers=" + kafka.bootstrapServers());
        command.add("--agentobs.consumer.group-id=" + group);
        command.add("--agentobs.consumer.topics=agent-actions");
        command.add("--agentobs.consumer.batch-size=1000");
        command.add("--agentobs.consumer.batch-timeout=1000ms");
        command.add("--agentobs.consumer.shutdown-timeout=30s");
        command.add("--test.sink.hold-ms=3000");
        command.add("--test.sink.started-marker=" + started);
        command.add("--test.sink.stored-log=" + stored);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("service.log").toFile())
                .start();
    }
}
