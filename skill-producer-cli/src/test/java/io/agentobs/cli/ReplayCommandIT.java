package io.agentobs.cli;

import io.agentobs.audit.archive.ArchivedHeader;
import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.S3Extension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code replay} against a real S3 API and a real broker: an archive written with the archive module is replayed
 * into fresh topics, which are read back record by record.
 */
class ReplayCommandIT {

    @RegisterExtension
    static final KafkaExtension kafka = KafkaExtension.shared();

    @RegisterExtension
    static final S3Extension s3 = S3Extension.shared();

    private static final String TOPIC = "agent-actions";
    /** Two hours ago: a broker refuses timestamps more than an hour ahead (log.message.timestamp.after.max.ms). */
    private static final Instant FROM = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    private static final Instant TO = FROM.plus(Duration.ofHours(1));
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private TestArchive archive;

    @BeforeEach
    void newBucket() {
        archive = new TestArchive(s3, "replay-" + UUID.randomUUID());
    }

    @AfterEach
    void closeArchive() {
        archive.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(archive.env());
        env.put("KAFKA_BROKERS", kafka.bootstrapServers());
        return env;
    }

    @Test
    void replayedRecordsAreByteIdenticalInOffsetOrderOnTheirPartitions() throws Exception {
        List<ArchivedRecord> inRange = new ArrayList<>();
        for (int partition = 0; partition < 3; partition++) {
            List<ArchivedRecord> first = new ArrayList<>();
            List<ArchivedRecord> second = new ArrayList<>();
            // Before the window, then inside it (one dead-lettered), then after it; offsets 10..19 in two files.
            first.add(unusual(partition, 10, FROM.minusSeconds(1), null));
            for (long offset = 11; offset < 15; offset++) {
                first.add(unusual(partition, offset, FROM.plusSeconds(offset), null));
            }
            second.add(unusual(partition, 15, FROM.plusSeconds(15), "SCHEMA_INVALID: agent_name is required"));
            for (long offset = 16; offset < 19; offset++) {
                second.add(unusual(partition, offset, FROM.plusSeconds(offset), null));
            }
            second.add(unusual(partition, 19, TO, null));
            archive.write(TOPIC, partition, 10, 15, first);
            archive.write(TOPIC, partition, 15, 20, second);
            inRange.addAll(first.subList(1, first.size()));
            inRange.addAll(second.subList(0, second.size() - 1));
        }
        String target = createTopic(3);

        CliRun run = CliRun.run(env(), "replay", "--topic", TOPIC, "--from", FROM.toString(), "--to", TO.toString(),
                "--target-topic", target);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode summary = run.json();
        assertThat(summary.get("files").asLong()).isEqualTo(6);
        assertThat(summary.get("read").asLong()).isEqualTo(30);
        assertThat(summary.get("outside_range").asLong()).isEqualTo(6);
        assertThat(summary.get("sent").asLong()).isEqualTo(24);
        assertThat(summary.get("failed").asLong()).isZero();
        assertThat(summary.get("partitions").get("1").get("sent").asLong()).isEqualTo(8);
        assertThat(summary.get("partitions").get("1").get("first_offset").asLong()).isEqualTo(11);
        assertThat(summary.get("partitions").get("1").get("last_offset").asLong()).isEqualTo(18);
        List<ConsumerRecord<byte[], byte[]>> replayed = readAll(target, 24);
        assertThat(replayed).hasSize(24);
        for (int partition = 0; partition < 3; partition++) {
            int p = partition;
            List<ArchivedRecord> expected = inRange.stream().filter(record -> record.partition() == p).toList();
            List<ConsumerRecord<byte[], byte[]>> actual = replayed.stream().filter(r -> r.partition() == p).toList();
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertSameRecord(actual.get(i), expected.get(i));
            }
        }
    }

    @Test
    void skipDeadLetteredLeavesThemOutAndPartitionSelectsPartitions() throws Exception {
        archive.write(TOPIC, 0, 0, 3, List.of(unusual(0, 0, FROM, null),
                unusual(0, 1, FROM.plusSeconds(1), "MALFORMED_JSON: Unexpected end-of-input"),
                unusual(0, 2, FROM.plusSeconds(2), null)));
        archive.write(TOPIC, 1, 0, 1, List.of(unusual(1, 0, FROM, null)));
        String target = createTopic(2);

        CliRun run = CliRun.run(env(), "replay", "--topic", TOPIC, "--from", FROM.toString(), "--to", TO.toString(),
                "--target-topic", target, "--skip-dead-lettered", "--partition", "0");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("sent").asLong()).isEqualTo(2);
        assertThat(run.json().get("skipped_reasons").get("dead_lettered").asLong()).isEqualTo(1);
        List<ConsumerRecord<byte[], byte[]>> replayed = readAll(target, 2);
        assertThat(replayed).extracting(ConsumerRecord::offset).containsExactly(0L, 1L);
        assertThat(replayed).allSatisfy(record -> assertThat(record.partition()).isZero());
        assertThat(replayed).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .allSatisfy(value -> assertThat(value).doesNotContain("offset 1,"));
    }

    @Test
    void dryRunCountsWithoutConnectingToKafka() throws Exception {
        archive.write(TOPIC, 0, 0, 2, List.of(unusual(0, 0, FROM, null), unusual(0, 1, FROM.plusSeconds(1), null)));
        Map<String, String> env = new HashMap<>(env());
        env.put("KAFKA_BROKERS", "127.0.0.1:1");

        CliRun run = CliRun.run(env, "replay", "--topic", TOPIC, "--from", FROM.toString(), "--to", TO.toString(),
                "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("dry_run").asBoolean()).isTrue();
        assertThat(run.json().get("would_send").asLong()).isEqualTo(2);
        assertThat(run.json().get("sent").asLong()).isZero();
    }

    @Test
    void rateLimitSpreadsTheSends() throws Exception {
        List<ArchivedRecord> records = new ArrayList<>();
        for (int offset = 0; offset < 50; offset++) {
            records.add(unusual(0, offset, FROM.plusMillis(offset), null));
        }
        archive.write(TOPIC, 0, 0, 50, records);
        String target = createTopic(1);

        long start = System.nanoTime();
        CliRun run = CliRun.run(env(), "replay", "--topic", TOPIC, "--from", FROM.toString(), "--to", TO.toString(),
                "--target-topic", target, "--rate", "100/s");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("sent").asLong()).isEqualTo(50);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(run.json().get("elapsed_ms").asLong()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void targetTopicWithTooFewPartitionsFailsBeforeSendingAnything() throws Exception {
        archive.write(TOPIC, 0, 0, 1, List.of(unusual(0, 0, FROM, null)));
        archive.write(TOPIC, 2, 0, 1, List.of(unusual(2, 0, FROM, null)));
        String target = createTopic(2);

        CliRun run = CliRun.run(env(), "replay", "--topic", TOPIC, "--from", FROM.toString(), "--to", TO.toString(),
                "--target-topic", target);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.json().get("error").asString()).contains(target, "has 2 partitions", "partition [2]");
        assertThat(run.json().get("sent").asLong()).isZero();
        assertThat(endOffsets(target)).containsOnly(0L);
    }

    @Test
    void unreachableKafkaExitsThreeWithNothingSent() throws Exception {
        archive.write(TOPIC, 0, 0, 1, List.of(unusual(0, 0, FROM, null)));
        Map<String, String> env = new HashMap<>(env());
        env.put("KAFKA_BROKERS", "127.0.0.1:1");
        env.put("AGENTOBS_SEND_TIMEOUT_MS", "500");

        CliRun run = CliRun.run(env, "replay", "--topic", TOPIC, "--from", FROM.toString(), "--to", TO.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.json().get("error").asString()).contains("127.0.0.1:1");
    }

    /**
     * A record whose bytes any re-encoding would change: a key with a zero byte, a value that is not UTF-8, a
     * repeated header name and a header without a value.
     */
    private static ArchivedRecord unusual(int partition, long offset, Instant timestamp, String deadLetter) {
        byte[] key = partition == 2 && offset % 2 == 0 ? null
                : ("k\u0000" + partition + "-" + offset).getBytes(StandardCharsets.UTF_8);
        byte[] value = ("{\"partition\": " + partition + ", \"offset " + offset + ",\": \"caf\u00e9\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBinary = new byte[value.length + 2];
        System.arraycopy(value, 0, withBinary, 0, value.length);
        withBinary[value.length] = (byte) 0xff;
        withBinary[value.length + 1] = (byte) 0xc3;
        List<ArchivedHeader> headers = List.of(
                new ArchivedHeader("traceparent", ("00-" + offset).getBytes(StandardCharsets.UTF_8)),
                new ArchivedHeader("x-tag", new byte[] {1, 2}),
                new ArchivedHeader("x-tag", new byte[] {3}),
                new ArchivedHeader("x-empty", null));
        return TestArchive.record(TOPIC, partition, offset, timestamp.toEpochMilli(), key, withBinary, headers,
                deadLetter);
    }

    private static void assertSameRecord(ConsumerRecord<byte[], byte[]> actual, ArchivedRecord expected) {
        assertThat(actual.key()).isEqualTo(expected.key());
        assertThat(actual.value()).isEqualTo(expected.value());
        assertThat(actual.timestamp()).isEqualTo(expected.timestampMs());
        assertThat(actual.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        List<ArchivedHeader> headers = new ArrayList<>();
        for (Header header : actual.headers()) {
            headers.add(new ArchivedHeader(header.key(), header.value()));
        }
        assertThat(headers).hasSameSizeAs(expected.headers());
        for (int i = 0; i < headers.size(); i++) {
            assertThat(headers.get(i).key()).isEqualTo(expected.headers().get(i).key());
            assertThat(headers.get(i).value()).isEqualTo(expected.headers().get(i).value());
        }
    }

    private static String createTopic(int partitions) throws ExecutionException, InterruptedException {
        String name = "replay-target-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
        return name;
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "enable.auto.commit",
                "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<Long> endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return new ArrayList<>(consumer.endOffsets(partitions).values());
        }
    }

    /** Every record of the topic once it holds {@code expected}, partition by partition in offset order. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            await().atMost(READ_TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            // Nothing beyond what was expected arrives: the end offsets add up to the same count.
            assertThat(consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(expected);
            records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                    : Long.compare(a.offset(), b.offset()));
            return records;
        }
    }
}
