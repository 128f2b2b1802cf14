package io.agentobs.auditlogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.audit.archive.PartitionCoverage;
import io.agentobs.events.Topic;
import io.agentobs.events.samples.SampleEvents;
import io.agentobs.infra.client.KafkaTopics;
import io.agentobs.infra.client.ServiceHttp;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.S3Extension;
import io.agentobs.infra.process.ServiceProcess;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.node.ObjectNode;

/**
 * The service's jar killed with SIGKILL while files are open and uploads run, then started again: every offset of
 * every partition ends up in exactly one archive object.
 */
class CrashRestartIT {

    @RegisterExtension
    static final KafkaExtension KAFKA = KafkaExtension.shared();
    @RegisterExtension
    static final S3Extension S3 = S3Extension.shared();

    private static final Topic TOPIC = Topic.CODE_QUALITY_METRICS;
    private static final int PARTITIONS = 3;
    private static final int EVENTS = 6_000;

    @Test
    void killMidFileAndRestartLeavesNoGapAndNoOverlap(@TempDir Path dir) throws Exception {
        S3.createBucket(AuditServices.BUCKET);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC.topicName(), PARTITIONS, (short) 1))).all().get();
        }
        Path log = dir.resolve("service.log");
        Map<String, String> env = AuditServices.environment(KAFKA.bootstrapServers(), S3, "audit-crash-it", TOPIC.topicName());
        env.put("AUDIT_FILE_MAX_RECORDS", "400");
        // the killed member's partitions move to the new process once its session expires
        env.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
        AtomicInteger produced = new AtomicInteger();
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        try (KafkaTopics kafka = new KafkaTopics(KAFKA.bootstrapServers());
             ArchiveContents archive = new ArchiveContents(S3)) {
            // 100 events every 50 ms (2,000/s) for 3 s: the stream runs across the kill
            producer.scheduleAtFixedRate(() -> {
                List<byte[][]> events = new ArrayList<>();
                for (int i = 0; i < 100 && produced.getAndIncrement() < EVENTS; i++) {
                    ObjectNode event = SampleEvents.event(TOPIC, Instant.now());
                    events.add(new byte[][] {SampleEvents.key(TOPIC, event), SampleEvents.bytes(event)});
                }
                kafka.sendAll(TOPIC.topicName(), events);
            }, 0, 50, TimeUnit.MILLISECONDS);

            try (ServiceProcess first = ServiceProcess.start(serviceJar(), env, log)) {
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                        .until(() -> !first.isAlive() || archive.objectCount(TOPIC.topicName()) >= 3);
                assertThat(first.isAlive()).as("service running, see %s", log).isTrue();
                first.kill();
            }
            int atKill = archive.records(TOPIC.topicName()).size();
            assertThat(atKill).isLessThan(EVENTS);

            try (ServiceProcess second = ServiceProcess.start(serviceJar(), env, log)) {
                await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                        .until(() -> produced.get() >= EVENTS && archivedThrough(archive) == EVENTS);
                List<PartitionCoverage> coverage = archive.coverage(TOPIC.topicName());
                assertThat(coverage).hasSize(PARTITIONS).allSatisfy(p -> {
                    assertThat(p.firstOffset()).isZero();
                    assertThat(p.gaps()).isEmpty();
                    assertThat(p.overlaps()).isEmpty();
                });
                List<ArchivedRecord> records = archive.records(TOPIC.topicName());
                assertThat(records).hasSize(EVENTS);
                assertThat(records.stream().map(r -> r.partition() + "@" + r.offset()).distinct()).hasSize(EVENTS);
                assertThat(records.stream().map(ArchivedRecord::eventId).distinct()).hasSize(EVENTS);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> ServiceHttp.status(second.port(), "/actuator/health/readiness") == 200);
            }
        } finally {
            producer.shutdownNow();
        }
        assertThat(Files.readString(log)).contains("starts");
    }

    private static long archivedThrough(ArchiveContents archive) {
        return archive.coverage(TOPIC.topicName()).stream()
                .filter(p -> p.firstOffset() == 0 && p.gaps().isEmpty() && p.overlaps().isEmpty())
                .mapToLong(PartitionCoverage::endOffset).sum();
    }

    private static Path serviceJar() throws IOException {
        return ServiceProcess.jarOf(Path.of("target"), "audit-logger-service");
    }
}
