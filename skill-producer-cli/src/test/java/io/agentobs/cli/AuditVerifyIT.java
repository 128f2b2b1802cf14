package io.agentobs.cli;

import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.infra.junit.S3Extension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audit verify} against a real S3 API: an archive written with the archive module, checked whole, then with
 * one object deleted, and with two files covering the same offsets.
 */
class AuditVerifyIT {

    @RegisterExtension
    static final S3Extension s3 = S3Extension.shared();

    private static final String TOPIC = "agent-actions";
    private static final Instant HOUR = Instant.parse("2026-11-24T10:00:00Z");

    private TestArchive archive;

    @BeforeEach
    void newBucket() {
        archive = new TestArchive(s3, "verify-" + UUID.randomUUID());
    }

    @AfterEach
    void closeArchive() {
        archive.close();
    }

    @Test
    void contiguousArchiveExitsZeroInTextAndJson() throws IOException {
        writeFiles(0, 0, 10, 20, 30);
        writeFiles(1, 0, 5, 15);

        CliRun text = CliRun.run(archive.env(), "audit", "verify", "--topic", TOPIC);
        CliRun json = CliRun.run(archive.env(), "audit", "verify", "--topic", TOPIC, "--format", "json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout()).contains("agent-actions: 5 files, 45 records in 2 partitions: contiguous",
                "OK: contiguous in 1 topic");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode report = json.json();
        assertThat(report.get("contiguous").asBoolean()).isTrue();
        JsonNode partitions = report.get("topics").get(0).get("partitions");
        assertThat(partitions).hasSize(2);
        assertThat(partitions.get(0).get("files").asInt()).isEqualTo(3);
        assertThat(partitions.get(0).get("first_offset").asLong()).isZero();
        assertThat(partitions.get(0).get("end_offset").asLong()).isEqualTo(30);
        assertThat(partitions.get(1).get("end_offset").asLong()).isEqualTo(15);
        assertThat(partitions.get(1).get("gaps")).isEmpty();
    }

    @Test
    void deletedObjectIsListedAsTheExactGapWithExitOne() throws IOException {
        List<String> keys = writeFiles(0, 0, 10, 20, 30);
        writeFiles(1, 0, 5, 15);
        archive.delete(keys.get(1));

        CliRun text = CliRun.run(archive.env(), "audit", "verify", "--topic", TOPIC, "--topic", "task-executions");
        CliRun json = CliRun.run(archive.env(), "audit", "verify", "--topic", TOPIC, "--format", "json");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(text.stdout()).contains("1 gap (10 offsets missing)", "[10, 20) 10",
                "task-executions: no archive files", "NOT CONTIGUOUS");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(ExitCodes.FAILURE);
        JsonNode report = json.json();
        assertThat(report.get("success").asBoolean()).isFalse();
        assertThat(report.get("gaps").asLong()).isEqualTo(1);
        assertThat(report.get("missing_offsets").asLong()).isEqualTo(10);
        JsonNode partition = report.get("topics").get(0).get("partitions").get(0);
        assertThat(partition.get("files").asInt()).isEqualTo(2);
        assertThat(partition.get("gaps")).hasSize(1);
        assertThat(partition.get("gaps").get(0).get("from").asLong()).isEqualTo(10);
        assertThat(partition.get("gaps").get(0).get("to").asLong()).isEqualTo(20);
        assertThat(partition.get("gaps").get(0).get("count").asLong()).isEqualTo(10);
        assertThat(report.get("topics").get(0).get("partitions").get(1).get("gaps")).isEmpty();
    }

    @Test
    void filesCoveringTheSameOffsetsAreAnOverlapWithExitOne() throws IOException {
        writeFiles(2, 0, 10, 20);
        archive.write(TOPIC, 2, 5, 15, records(2, 5, 15));

        CliRun json = CliRun.run(archive.env(), "audit", "verify", "--topic", TOPIC, "--format", "json");

        assertThat(json.exitCode()).as(json.toString()).isEqualTo(ExitCodes.FAILURE);
        JsonNode partition = json.json().get("topics").get(0).get("partitions").get(0);
        // [5, 15) lies across both [0, 10) and [10, 20): one overlap with each.
        assertThat(partition.get("overlaps")).hasSize(2);
        assertThat(partition.get("overlaps").get(0).get("from").asLong()).isEqualTo(5);
        assertThat(partition.get("overlaps").get(0).get("to").asLong()).isEqualTo(10);
        assertThat(partition.get("overlaps").get(1).get("from").asLong()).isEqualTo(10);
        assertThat(partition.get("overlaps").get(1).get("to").asLong()).isEqualTo(15);
        assertThat(partition.get("gaps")).isEmpty();
    }

    @Test
    void unreachableS3ExitsThreeNamingTheArchive() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(archive.env());
        env.put("S3_ENDPOINT", "http://127.0.0.1:" + closedPort);

        CliRun run = CliRun.run(env, "audit", "verify", "--topic", "all");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.json().get("error").asString()).contains("cannot reach the audit archive", "127.0.0.1");
    }

    @Test
    void missingBucketIsAUsageError() {
        CliRun run = CliRun.run(Map.of(), "audit", "verify", "--topic", TOPIC);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).contains("S3_BUCKET");
    }

    /** Contiguous files of a partition with these boundaries, one record per offset; returns their keys. */
    private List<String> writeFiles(int partition, long... boundaries) throws IOException {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i + 1 < boundaries.length; i++) {
            keys.add(archive.write(TOPIC, partition, boundaries[i], boundaries[i + 1],
                    records(partition, boundaries[i], boundaries[i + 1])));
        }
        return keys;
    }

    private static List<ArchivedRecord> records(int partition, long start, long end) {
        List<ArchivedRecord> records = new ArrayList<>();
        for (long offset = start; offset < end; offset++) {
            records.add(TestArchive.record(TOPIC, partition, offset, HOUR.toEpochMilli() + offset * 1_000,
                    ("key-" + offset).getBytes(StandardCharsets.UTF_8),
                    ("{\"offset\":" + offset + "}").getBytes(StandardCharsets.UTF_8), List.of(), null));
        }
        return records;
    }
}
