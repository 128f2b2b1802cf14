package io.agentobs.cli;

import io.agentobs.infra.junit.KafkaExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code redrive} against a real broker: dead letters are written by hand exactly as the consumers' dead-letter
 * publisher writes them, and the redriven records are read back from the topic they were sent to. Each test owns one
 * catalog topic's dead-letter topic, so the counts in its summaries are exact. Every value is a JSON object with an
 * event_id: other test classes on the shared broker parse every record of the catalog topics.
 */
class RedriveCommandIT {

    @RegisterExtension
    static final KafkaExtension kafka = KafkaExtension.shared();

    private static final int PARTITIONS = 3;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private static KafkaProducer<byte[], byte[]> producer;

    @TempDir
    Path dir;

    @BeforeAll
    static void openProducer() {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    private Map<String, String> env() {
        return Map.of("KAFKA_BROKERS", kafka.bootstrapServers(), "AGENTOBS_SPOOL_DIR",
                dir.resolve("spool").toString());
    }

    @Test
    void redrivenDeadLettersReturnByteForByteToTheirKeysPartitionWithoutDeadLetterHeaders() throws Exception {
        int partitions = createTopics("agent-actions-dlq", "agent-actions").get("agent-actions");
        // Formatting any re-serialisation would change: spacing, a trailing zero, an escaped and a raw non-ASCII letter.
        byte[] unusual = ("{ \"event_id\" : \"" + UUID.randomUUID() + "\",\n  \"agent_name\":\"caf\\u00e9 café\", "
                + "\"duration_ms\": 1.50 }").getBytes(StandardCharsets.UTF_8);
        List<DeadLetter> letters = List.of(
                DeadLetter.of("agent-actions", "SCHEMA_INVALID", "agent_name is required")
                        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                DeadLetter.of("agent-actions", "SCHEMA_INVALID", "action_type must be one of tool_call, …"),
                DeadLetter.of("agent-actions", "MALFORMED_JSON", "Unexpected end-of-input").value(unusual),
                DeadLetter.of("agent-actions", "SCHEMA_INVALID", "timestamp is required").valueOmitted(2_000_000));
        Map<String, DeadLetter> written = write("agent-actions-dlq", letters, partitions);

        CliRun run = CliRun.run(env(), "redrive", "--topic", "agent-actions", "--no-progress");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode summary = run.json();
        assertThat(summary.get("success").asBoolean()).isTrue();
        assertThat(summary.get("dlq_topic").asString()).isEqualTo("agent-actions-dlq");
        assertThat(summary.get("target_topic").asString()).isEqualTo("agent-actions");
        assertThat(summary.get("scanned").asLong()).isEqualTo(4);
        assertThat(summary.get("matched").asLong()).isEqualTo(4);
        assertThat(summary.get("redriven").asLong()).isEqualTo(3);
        assertThat(summary.get("skipped").asLong()).isEqualTo(1);
        assertThat(summary.get("skipped_reasons").get("value_omitted").asLong()).isEqualTo(1);
        assertThat(summary.get("failed").asLong()).isZero();
        assertThat(summary.get("by_error_class").get("SCHEMA_INVALID").asLong()).isEqualTo(3);
        assertThat(summary.get("by_error_class").get("MALFORMED_JSON").asLong()).isEqualTo(1);
        assertThat(summary.get("dry_run").asBoolean()).isFalse();

        List<ConsumerRecord<String, byte[]>> redriven = redrivenFrom("agent-actions", "agent-actions-dlq");
        assertThat(redriven).hasSize(3);
        for (ConsumerRecord<String, byte[]> record : redriven) {
            DeadLetter letter = written.get(header(record, "x-redriven-from"));
            assertThat(letter).as("x-redriven-from names a dead letter written: %s", record).isNotNull();
            assertThat(letter.valueOmitted).isNull();
            assertThat(record.key().getBytes(StandardCharsets.UTF_8)).isEqualTo(letter.key);
            assertThat(record.value()).isEqualTo(letter.value);
            assertThat(record.partition()).isEqualTo(BuiltInPartitioner.partitionForKey(letter.key, partitions));
            List<String> names = new ArrayList<>();
            record.headers().forEach(header -> names.add(header.key()));
            assertThat(names).noneMatch(name -> name.startsWith("x-error-") || name.startsWith("x-original-")
                    || name.equals("x-failed-at") || name.equals("x-consumer-group"));
            assertThat(names).containsAll(letter.extraHeaders.keySet());
            letter.extraHeaders.forEach((name, value) -> assertThat(header(record, name)).isEqualTo(value));
        }
        assertThat(redriven).anySatisfy(record -> assertThat(header(record, "traceparent")).isNotNull());
    }

    @Test
    void filtersSelectByErrorClassMessageAndConsumerGroupAndLimitStopsTheRun() throws Exception {
        createTopics("agent-routing-decisions-dlq", "agent-routing-decisions");
        String topic = "agent-routing-decisions";
        Map<String, DeadLetter> written = write(topic + "-dlq", List.of(
                DeadLetter.of(topic, "SCHEMA_INVALID", "confidence_score must be at most 1"),
                DeadLetter.of(topic, "SCHEMA_INVALID", "agent_name is required"),
                DeadLetter.of(topic, "SCHEMA_INVALID", "agent_name is required").group("metrics-aggregator"),
                DeadLetter.of(topic, "MALFORMED_JSON", "Unexpected end of input"),
                DeadLetter.of(topic, "CONSTRAINT_VIOLATION", "value too long for agent_name")), PARTITIONS);

        JsonNode byClass = dryRun(topic, "--error-class", "SCHEMA_INVALID", "--error-class", "CONSTRAINT_VIOLATION");
        JsonNode byMessage = dryRun(topic, "--message-contains", "agent_name");
        JsonNode byGroup = dryRun(topic, "--consumer-group", "metrics-aggregator");
        JsonNode allOf = dryRun(topic, "--error-class", "SCHEMA_INVALID", "--message-contains", "agent_name",
                "--consumer-group", "db-writer");
        CliRun limited = CliRun.run(env(), "redrive", "--topic", topic, "--error-class", "SCHEMA_INVALID",
                "--limit", "2");

        assertThat(byClass.get("scanned").asLong()).isEqualTo(5);
        assertThat(byClass.get("matched").asLong()).isEqualTo(4);
        assertThat(byClass.get("would_redrive").asLong()).isEqualTo(4);
        assertThat(byClass.get("by_error_class").get("SCHEMA_INVALID").asLong()).isEqualTo(3);
        assertThat(byClass.get("by_error_class").has("MALFORMED_JSON")).isFalse();
        assertThat(byMessage.get("matched").asLong()).isEqualTo(3);
        assertThat(byGroup.get("matched").asLong()).isEqualTo(1);
        assertThat(allOf.get("matched").asLong()).isEqualTo(1);
        assertThat(limited.exitCode()).as(limited.toString()).isZero();
        assertThat(limited.json().get("matched").asLong()).isEqualTo(2);
        assertThat(limited.json().get("redriven").asLong()).isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> redriven = redrivenFrom(topic, topic + "-dlq");
        assertThat(redriven).hasSize(2);
        assertThat(redriven).allSatisfy(record -> assertThat(
                written.get(header(record, "x-redriven-from")).errorClass).isEqualTo("SCHEMA_INVALID"));
    }

    @Test
    void dryRunListsWhatWouldBeRedrivenAndPublishesNothing() throws Exception {
        createTopics("agent-transformation-events-dlq", "agent-transformation-events");
        String topic = "agent-transformation-events";
        Map<String, DeadLetter> written = write(topic + "-dlq", List.of(
                DeadLetter.of(topic, "SCHEMA_INVALID", "success must be a boolean"),
                DeadLetter.of(topic, "SCHEMA_INVALID", "source_agent is required"),
                DeadLetter.of(topic, "SCHEMA_INVALID", "x").valueOmitted(3_000_000)), PARTITIONS);

        CliRun run = CliRun.run(env(), "redrive", "--topic", topic + "-dlq", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode summary = run.json();
        assertThat(summary.get("dry_run").asBoolean()).isTrue();
        assertThat(summary.get("matched").asLong()).isEqualTo(3);
        assertThat(summary.get("would_redrive").asLong()).isEqualTo(2);
        assertThat(summary.get("redriven").asLong()).isZero();
        assertThat(summary.get("skipped_reasons").get("value_omitted").asLong()).isEqualTo(1);
        List<String> listed = new ArrayList<>();
        summary.get("dead_letters").forEach(entry -> listed.add(entry.get("dead_letter").asString()));
        assertThat(listed).hasSize(2).allSatisfy(coordinates -> assertThat(written).containsKey(coordinates));
        assertThat(redrivenFrom(topic, topic + "-dlq")).isEmpty();
    }

    @Test
    void deadLettersFromAnotherTopicOrWithoutOriginalTopicAreSkippedAndCounted() throws Exception {
        createTopics("router-performance-metrics-dlq", "router-performance-metrics");
        String topic = "router-performance-metrics";
        write(topic + "-dlq", List.of(
                DeadLetter.of(topic, "SCHEMA_INVALID", "latency_ms must not be negative"),
                DeadLetter.of("legacy-router-metrics", "SCHEMA_INVALID", "latency_ms must not be negative"),
                DeadLetter.of(null, "SCHEMA_INVALID", "latency_ms must not be negative")), PARTITIONS);

        CliRun run = CliRun.run(env(), "redrive", "--topic", topic);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode summary = run.json();
        assertThat(summary.get("matched").asLong()).isEqualTo(3);
        assertThat(summary.get("redriven").asLong()).isEqualTo(1);
        assertThat(summary.get("skipped").asLong()).isEqualTo(2);
        assertThat(summary.get("skipped_reasons").get("other_original_topic").asLong()).isEqualTo(1);
        assertThat(summary.get("skipped_reasons").get("no_original_topic").asLong()).isEqualTo(1);
        assertThat(redrivenFrom(topic, topic + "-dlq")).hasSize(1);
    }

    @Test
    void targetTopicReceivesDeadLettersWhateverTheirOriginalTopic() throws Exception {
        String topic = "code-quality-metrics";
        String staging = "code-quality-metrics-staging-" + UUID.randomUUID();
        createTopics(topic + "-dlq", topic, staging);
        Map<String, DeadLetter> written = write(topic + "-dlq", List.of(
                DeadLetter.of(topic, "SCHEMA_INVALID", "path_id is required"),
                DeadLetter.of("legacy-code-quality", "SCHEMA_INVALID", "path_id is required")), PARTITIONS);

        CliRun run = CliRun.run(env(), "redrive", "--topic", topic, "--target-topic", staging);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("target_topic").asString()).isEqualTo(staging);
        assertThat(run.json().get("redriven").asLong()).isEqualTo(2);
        assertThat(run.json().get("skipped").asLong()).isZero();
        List<ConsumerRecord<String, byte[]>> redriven = redrivenFrom(staging, topic + "-dlq");
        assertThat(redriven).hasSize(2);
        assertThat(redriven).allSatisfy(record -> assertThat(record.value())
                .isEqualTo(written.get(header(record, "x-redriven-from")).value));
        assertThat(redrivenFrom(topic, topic + "-dlq")).isEmpty();
    }

    @Test
    void sinceAndUntilSelectDeadLettersByRecordTimestamp() throws Exception {
        createTopics("failure-patterns-dlq", "failure-patterns");
        String topic = "failure-patterns";
        Instant now = Instant.now();
        write(topic + "-dlq", List.of(
                DeadLetter.of(topic, "SCHEMA_INVALID", "old").at(now.minus(Duration.ofHours(3))),
                DeadLetter.of(topic, "SCHEMA_INVALID", "old").at(now.minus(Duration.ofHours(3))),
                DeadLetter.of(topic, "SCHEMA_INVALID", "middle").at(now.minus(Duration.ofMinutes(90))),
                DeadLetter.of(topic, "SCHEMA_INVALID", "recent").at(now.minus(Duration.ofMinutes(10))),
                DeadLetter.of(topic, "SCHEMA_INVALID", "recent").at(now.minus(Duration.ofMinutes(10)))), PARTITIONS);

        JsonNode since = dryRun(topic, "--since", "2h");
        JsonNode between = dryRun(topic, "--since", "2h", "--until", "1h");
        JsonNode until = dryRun(topic, "--until", now.minus(Duration.ofHours(2)).toString());

        assertThat(since.get("scanned").asLong()).as("older dead letters are not even read").isEqualTo(3);
        assertThat(since.get("matched").asLong()).isEqualTo(3);
        assertThat(between.get("matched").asLong()).isEqualTo(1);
        assertThat(until.get("scanned").asLong()).isEqualTo(5);
        assertThat(until.get("matched").asLong()).isEqualTo(2);
    }

    @Test
    void topicOutsideTheCatalogIsAUsageErrorNamingTheOption() {
        CliRun run = CliRun.run(env(), "redrive", "--topic", "agent-actionz-dlq");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.json().get("success").asBoolean()).isFalse();
        assertThat(run.json().get("error").asString()).contains("--topic", "agent-actionz-dlq");
        assertThat(run.stderr()).contains("--topic");
    }

    @Test
    void unreachableKafkaFailsWithExitOneAndTheError() {
        CliRun run = CliRun.run(Map.of("KAFKA_BROKERS", "127.0.0.1:1", "AGENTOBS_SEND_TIMEOUT_MS", "500"),
                "redrive", "--topic", "agent-actions");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.json().get("success").asBoolean()).isFalse();
        assertThat(run.json().get("error").asString()).isNotBlank();
        assertThat(run.json().get("redriven").asLong()).isZero();
    }

    private JsonNode dryRun(String topic, String... filters) {
        List<String> args = new ArrayList<>(List.of("redrive", "--topic", topic, "--dry-run"));
        args.addAll(List.of(filters));
        CliRun run = CliRun.run(env(), args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("redriven").asLong()).isZero();
        return run.json();
    }

    /** Creates the topics that do not exist yet with {@link #PARTITIONS} partitions; returns each one's count. */
    private static Map<String, Integer> createTopics(String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, PARTITIONS, (short) 1));
            }
            for (KafkaFuture<Void> creation : admin.createTopics(topics).values().values()) {
                try {
                    creation.get();
                } catch (ExecutionException failed) {
                    if (!(failed.getCause() instanceof TopicExistsException)) {
                        throw failed;
                    }
                }
            }
            Map<String, Integer> partitions = new HashMap<>();
            admin.describeTopics(List.of(names)).allTopicNames().get()
                    .forEach((name, description) -> partitions.put(name, description.partitions().size()));
            return partitions;
        }
    }

    /**
     * Writes dead letters to {@code dlq}, spread over its partitions, as the consumers' publisher does; returns them
     * by their coordinates ({@code <dlq>-<partition>@<offset>}).
     */
    private static Map<String, DeadLetter> write(String dlq, List<DeadLetter> letters, int originalPartitions)
            throws Exception {
        Map<String, DeadLetter> written = new LinkedHashMap<>();
        for (int i = 0; i < letters.size(); i++) {
            DeadLetter letter = letters.get(i);
            RecordMetadata stored = producer.send(letter.record(dlq, i % PARTITIONS, originalPartitions)).get();
            written.put(dlq + "-" + stored.partition() + "@" + stored.offset(), letter);
        }
        return written;
    }

    /** Every record of {@code topic} that a redrive of {@code dlq} published. */
    private static List<ConsumerRecord<String, byte[]>> redrivenFrom(String topic, String dlq) {
        return TopicReader.readAll(kafka.bootstrapServers(), topic, 0, READ_TIMEOUT).stream()
                .filter(record -> {
                    String from = header(record, "x-redriven-from");
                    return from != null && from.startsWith(dlq + "-");
                })
                .toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A dead letter to write: the original record's key, value and headers, and why it failed. */
    private static final class DeadLetter {

        private final String originalTopic;
        private final String errorClass;
        private final String message;
        private final byte[] key = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private byte[] value;
        private String group = "db-writer";
        private Integer valueOmitted;
        private Instant timestamp;

        private DeadLetter(String originalTopic, String errorClass, String message) {
            this.originalTopic = originalTopic;
            this.errorClass = errorClass;
            this.message = message;
            this.value = ("{\"event_id\":\"" + UUID.randomUUID() + "\",\"correlation_id\":\""
                    + new String(key, StandardCharsets.UTF_8) + "\"}").getBytes(StandardCharsets.UTF_8);
        }

        /** A dead letter of {@code originalTopic} (null: without {@code x-original-topic}). */
        static DeadLetter of(String originalTopic, String errorClass, String message) {
            return new DeadLetter(originalTopic, errorClass, message);
        }

        DeadLetter header(String name, String text) {
            extraHeaders.put(name, text);
            return this;
        }

        DeadLetter value(byte[] bytes) {
            value = bytes;
            return this;
        }

        DeadLetter group(String consumerGroup) {
            group = consumerGroup;
            return this;
        }

        DeadLetter valueOmitted(int size) {
            valueOmitted = size;
            value = null;
            return this;
        }

        DeadLetter at(Instant writtenAt) {
            timestamp = writtenAt;
            return this;
        }

        ProducerRecord<byte[], byte[]> record(String dlq, int partition, int originalPartitions) {
            RecordHeaders headers = new RecordHeaders();
            extraHeaders.forEach((name, text) -> add(headers, name, text));
            if (originalTopic != null) {
                add(headers, "x-original-topic", originalTopic);
            }
            add(headers, "x-original-partition",
                    Integer.toString(BuiltInPartitioner.partitionForKey(key, originalPartitions)));
            add(headers, "x-original-offset", "42");
            add(headers, "x-error-class", errorClass);
            add(headers, "x-error-message", message);
            add(headers, "x-failed-at", Instant.now().toString());
            add(headers, "x-consumer-group", group);
            if (valueOmitted != null) {
                add(headers, "x-original-value-omitted", valueOmitted.toString());
            }
            return new ProducerRecord<>(dlq, partition, timestamp == null ? null : timestamp.toEpochMilli(), key,
                    value, headers);
        }

        private static void add(RecordHeaders headers, String name, String text) {
            headers.add(name, text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
