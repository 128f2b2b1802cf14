package io.agentobs.auditlogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

import io.agentobs.audit.archive.ArchivedHeader;
import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.audit.archive.PartitionCoverage;
import io.agentobs.events.Topic;
import io.agentobs.events.samples.SampleEvents;
import io.agentobs.infra.client.ServiceHttp;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.S3Extension;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.node.ObjectNode;

/** The service in this JVM against a real broker and a real S3 API: what it archives, and an S3 outage. */
class ArchiveIT {

    @RegisterExtension
    static final KafkaExtension KAFKA = KafkaExtension.shared();
    /** A server of this class's own, so the outage test may stop it. */
    @RegisterExtension
    static final S3Extension S3 = new S3Extension();

    @BeforeAll
    static void bucket() {
        S3.createBucket(AuditServices.BUCKET);
    }

    @Test
    void everyRecordOfEveryPartitionIsArchivedOnceWithItsKeyValueAndHeaders() throws Exception {
        Topic topic = Topic.AGENT_ACTIONS;
        String name = createTopic(topic, 3);
        List<RecordMetadata> sent = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ObjectNode event = SampleEvents.event(topic, Instant.now());
            byte[] value = i % 97 == 5 ? "{not json".getBytes(StandardCharsets.UTF_8) : SampleEvents.bytes(event);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(name, i % 3, SampleEvents.key(topic, event), value);
            record.headers().add("trace", ("t-" + i).getBytes(StandardCharsets.UTF_8));
            record.headers().add("trace", null);
            record.headers().add("binary", new byte[] {(byte) 0xff, 0, (byte) 0x80});
            records.add(record);
        }
        sent.addAll(send(records));

        try (ConfigurableApplicationContext service = AuditServices.start(
                AuditServices.environment(KAFKA.bootstrapServers(), S3, "audit-it-all", name));
             ArchiveContents archive = new ArchiveContents(S3)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> archivedThrough(archive, name, 3) == 600);

            List<PartitionCoverage> coverage = archive.coverage(name);
            assertThat(coverage).hasSize(3).allSatisfy(p -> {
                assertThat(p.firstOffset()).isZero();
                assertThat(p.endOffset()).isEqualTo(200);
                assertThat(p.gaps()).isEmpty();
                assertThat(p.overlaps()).isEmpty();
                assertThat(p.files()).isGreaterThanOrEqualTo(2);
            });
            List<ArchivedRecord> archived = archive.records(name);
            archived.sort(Comparator.comparingInt(ArchivedRecord::partition).thenComparingLong(ArchivedRecord::offset));
            assertThat(archived).hasSize(600);
            for (int i = 0; i < 600; i++) {
                ProducerRecord<byte[], byte[]> original = records.get(i);
                RecordMetadata at = sent.get(i);
                ArchivedRecord copy = archived.stream()
                        .filter(r -> r.partition() == at.partition() && r.offset() == at.offset())
                        .findFirst().orElseThrow();
                assertThat(copy.key()).isEqualTo(original.key());
                assertThat(copy.value()).isEqualTo(original.value());
                assertThat(copy.timestampMs()).isEqualTo(at.timestamp());
                assertThat(copy.headers()).extracting(ArchivedHeader::key).containsExactly("trace", "trace", "binary");
                assertThat(copy.headers().get(1).value()).isNull();
                assertThat(copy.headers().get(2).value()).isEqualTo(new byte[] {(byte) 0xff, 0, (byte) 0x80});
                if (i % 97 == 5) {
                    assertThat(copy.deadLetter()).startsWith("MALFORMED_JSON");
                    assertThat(copy.eventId()).isNull();
                } else {
                    assertThat(copy.deadLetter()).isNull();
                    assertThat(copy.eventId()).isNotNull();
                    assertThat(copy.agent()).isNotBlank();
                }
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> committed("audit-it-all", name, 3) == 600);
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            assertThat(ServiceHttp.metric(port, "agentobs_audit_records_archived_total{")).isGreaterThan(0);
        }
    }

    @Test
    void s3OutageMidStreamLosesNothingAndCommitsNothingUnstored() throws Exception {
        Topic topic = Topic.TASK_EXECUTIONS;
        String name = createTopic(topic, 2);
        try (ConfigurableApplicationContext service = AuditServices.start(
                AuditServices.environment(KAFKA.bootstrapServers(), S3, "audit-it-outage", name));
             ArchiveContents archive = new ArchiveContents(S3)) {
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            send(events(topic, name, 2, 200));
            await().atMost(Duration.ofSeconds(60)).until(() -> archivedThrough(archive, name, 2) == 200);

            S3.stop();
            send(events(topic, name, 2, 300));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ServiceHttp.status(port, "/actuator/health/readiness") == 503);
            // well past the idle flush: the files are closed but cannot be stored, so nothing more is committed
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                    .until(() -> committed("audit-it-outage", name, 2) == 200);
            S3.start();

            await().atMost(Duration.ofSeconds(90)).until(() -> archivedThrough(archive, name, 2) == 500);
            assertThat(archive.coverage(name)).allSatisfy(p -> {
                assertThat(p.gaps()).isEmpty();
                assertThat(p.overlaps()).isEmpty();
            });
            assertThat(archive.records(name)).hasSize(500);
            await().atMost(Duration.ofSeconds(30)).until(() -> committed("audit-it-outage", name, 2) == 500
                    && ServiceHttp.status(port, "/actuator/health/readiness") == 200);
        }
    }

    private static List<ProducerRecord<byte[], byte[]>> events(Topic topic, String name, int partitions, int count) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode event = SampleEvents.event(topic, Instant.now());
            records.add(new ProducerRecord<>(name, i % partitions, SampleEvents.key(topic, event), SampleEvents.bytes(event)));
        }
        return records;
    }

    /** Offsets covered without a gap from 0, summed over the partitions. */
    private static long archivedThrough(ArchiveContents archive, String topic, int partitions) {
        List<PartitionCoverage> coverage = archive.coverage(topic);
        return coverage.stream().filter(p -> p.firstOffset() == 0 && p.gaps().isEmpty())
                .mapToLong(PartitionCoverage::endOffset).sum();
    }

    private static long committed(String group, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            long total = 0;
            for (int p = 0; p < partitions; p++) {
                OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, p));
                total += offset == null ? 0 : offset.offset();
            }
            return total;
        }
    }

    private static String createTopic(Topic topic, int partitions) throws Exception {
        String name = topic.topicName();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
        return name;
    }

    private static List<RecordMetadata> send(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            records.forEach(record -> futures.add(producer.send(record)));
            List<RecordMetadata> metadata = new ArrayList<>();
            for (Future<RecordMetadata> future : futures) {
                metadata.add(future.get());
            }
            return metadata;
        }
    }
}
