package io.agentobs.cli;

import io.agentobs.events.codec.EventJson;
import io.agentobs.infra.junit.KafkaExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code publish} against a real broker: NDJSON and single documents, from a file or stdin. */
class PublishCommandIT {

    @RegisterExtension
    static final KafkaExtension kafka = KafkaExtension.shared();

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("KAFKA_BROKERS", kafka.bootstrapServers(), "AGENTOBS_SPOOL_DIR", dir.resolve("spool").toString());
    }

    static String action(String eventId, String correlationId, int n) {
        return "{\"event_id\":\"" + eventId + "\",\"correlation_id\":\"" + correlationId + "\",\"agent_name\":"
                + "\"agent-" + (n % 3) + "\",\"action_type\":\"tool_call\",\"action_name\":\"Read\",\"duration_ms\":"
                + n + ",\"timestamp\":\"2026-11-23T10:00:00.123Z\",\"action_details\":{\"n\":" + n + "}}";
    }

    @Test
    void ndjsonFileIsPublishedByteForByteWithPartitionKeys() throws Exception {
        String topic = "agent-actions";
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(action(UUID.randomUUID().toString(), UUID.randomUUID().toString(), i));
        }
        Path file = dir.resolve("events.ndjson");
        Files.write(file, lines);
        long before = TopicReader.readAll(kafka.bootstrapServers(), topic, 0, Duration.ofSeconds(10)).size();

        CliRun run = CliRun.run(env(), "publish", "--topic", topic, "--file", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode summary = run.json();
        assertThat(summary.get("sent").asLong()).isEqualTo(1000);
        assertThat(summary.get("invalid").asLong()).isZero();
        assertThat(summary.get("spooled").asLong()).isZero();
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(kafka.bootstrapServers(), topic,
                (int) before + 1000, Duration.ofSeconds(30));
        Map<String, ConsumerRecord<String, byte[]>> byValue = records.stream().collect(Collectors.toMap(
                record -> new String(record.value(), StandardCharsets.UTF_8), record -> record, (a, b) -> a));
        for (String line : lines) {
            ConsumerRecord<String, byte[]> record = byValue.get(line);
            assertThat(record).as("published unchanged: %s", line).isNotNull();
            assertThat(record.key()).isEqualTo(EventJson.mapper().readTree(line).get("correlation_id").asString());
        }
    }

    @Test
    void invalidLinesAreReportedByLineAndFieldAndTheRestIsSent() {
        String good1 = action(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1);
        String good2 = action(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 2);
        String input = good1 + "\n{not json\n\n" + good2.replace("\"agent_name\":\"agent-2\",", "") + "\n"
                + good2 + "\n";

        CliRun run = CliRun.run(env(), input.getBytes(StandardCharsets.UTF_8), "publish", "--topic",
                "agent-actions");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        JsonNode summary = run.json();
        assertThat(summary.get("sent").asLong()).isEqualTo(2);
        assertThat(summary.get("invalid").asLong()).isEqualTo(2);
        assertThat(summary.get("errors").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(summary.get("errors").get(1).get("line").asLong()).isEqualTo(4);
        assertThat(summary.get("errors").get(1).get("field").asString()).isEqualTo("agent_name");
        assertThat(run.stderr()).contains("line 4").contains("agent_name");
    }

    @Test
    void singlePrettyPrintedDocumentFromStdinGivesTheEventResult() {
        String eventId = UUID.randomUUID().toString();
        String pretty = EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                EventJson.mapper().readTree(action(eventId, UUID.randomUUID().toString(), 7)));
        assertThat(pretty).contains("\n");

        CliRun run = CliRun.run(env(), pretty.getBytes(StandardCharsets.UTF_8), "publish", "--topic",
                "agent-actions");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("event_id").asString()).isEqualTo(eventId);
        assertThat(run.json().get("offset").asLong()).isNotNegative();
    }

    @Test
    void unknownTopicIsAUsageError() {
        CliRun run = CliRun.run(env(), "{}".getBytes(StandardCharsets.UTF_8), "publish", "--topic", "agent-action");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.json().get("error").asString()).contains("--topic").contains("agent-actions");
    }
}
