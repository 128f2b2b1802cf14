package io.agentobs.cli;

import io.agentobs.events.codec.EventJson;
import io.agentobs.infra.junit.KafkaExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never lose an event: with the broker stopped, publishes are spooled (exit 0, {@code "spooled": true}); once it is
 * back, the next invocation or {@code flush} sends them first, in order, each exactly once — also when many
 * invocations run at the same time.
 */
class SpoolOutageIT {

    @RegisterExtension
    static final KafkaExtension kafka = new KafkaExtension();

    @TempDir
    Path spool;

    /** Every invocation tries Kafka again (no retry interval), so the first one after the outage drains. */
    private Map<String, String> env() {
        return Map.of("KAFKA_BROKERS", kafka.bootstrapServers(), "AGENTOBS_SPOOL_DIR", spool.toString(),
                "AGENTOBS_SEND_TIMEOUT_MS", "1500", "AGENTOBS_SPOOL_RETRY_MS", "0");
    }

    /** The default retry interval: after a failed attempt, invocations queue without waiting for Kafka. */
    private Map<String, String> envWithRetryInterval() {
        return Map.of("KAFKA_BROKERS", kafka.bootstrapServers(), "AGENTOBS_SPOOL_DIR", spool.toString(),
                "AGENTOBS_SEND_TIMEOUT_MS", "1500", "AGENTOBS_SPOOL_RETRY_MS", "60000");
    }

    private CliRun action(String correlationId, String name) {
        return action(env(), correlationId, name);
    }

    private static CliRun action(Map<String, String> env, String correlationId, String name) {
        return CliRun.run(env, "log-action", "--correlation-id", correlationId, "--agent-name", "agent-spool",
                "--action-type", "tool_call", "--action-name", name);
    }

    @Test
    void eventsSpooledDuringAnOutageAreSentFirstAndInOrderByTheNextInvocation() throws Exception {
        String correlationId = UUID.randomUUID().toString();
        assertThat(action(correlationId, "before").exitCode()).isZero();

        kafka.server().stop();
        CliRun down1 = action(correlationId, "during-1");
        CliRun down2 = action(correlationId, "during-2");
        kafka.server().start();
        CliRun up = action(correlationId, "after");

        assertThat(down1.exitCode()).as(down1.toString()).isZero();
        assertThat(down1.json().get("spooled").asBoolean()).isTrue();
        assertThat(down1.json().get("success").asBoolean()).isTrue();
        assertThat(down2.json().get("spooled").asBoolean()).isTrue();
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.json().get("drained").asInt()).isEqualTo(2);
        assertThat(up.json().has("spooled")).isFalse();
        List<String> names = actionNames(TopicReader.readAll(kafka.bootstrapServers(), "agent-actions", 4,
                Duration.ofSeconds(30)), correlationId);
        assertThat(names).containsExactly("before", "during-1", "during-2", "after");
        assertThat(CliRun.run(env(), "flush").json().get("flushed").asInt()).isZero();
    }

    @Test
    void concurrentInvocationsDuringAnOutageAreAllFlushedExactlyOnce() throws Exception {
        String correlationId = UUID.randomUUID().toString();
        kafka.server().stop();
        int threads = 4;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<CliRun>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<CliRun> runs = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    runs.add(action(envWithRetryInterval(), correlationId, "t" + thread + "-" + i));
                }
                return runs;
            }));
        }
        int waitedForKafka = 0;
        for (Future<List<CliRun>> result : results) {
            for (CliRun run : result.get()) {
                assertThat(run.exitCode()).as(run.toString()).isZero();
                assertThat(run.json().get("spooled").asBoolean()).isTrue();
                if (!run.json().get("reason").asString().contains("AGENTOBS_SPOOL_RETRY_MS")) {
                    waitedForKafka++;
                }
            }
        }
        // Only the invocations racing the first failure wait out the timeout; the rest queue at once.
        assertThat(waitedForKafka).isBetween(1, threads);
        kafka.server().start();
        List<Future<CliRun>> flushes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            flushes.add(pool.submit(() -> CliRun.run(env(), "flush")));
        }
        int flushed = 0;
        for (Future<CliRun> flush : flushes) {
            CliRun run = flush.get();
            assertThat(run.exitCode()).as(run.toString()).isZero();
            flushed += run.json().get("flushed").asInt();
        }
        pool.shutdown();

        assertThat(flushed).isEqualTo(threads * perThread);
        List<String> names = actionNames(TopicReader.readAll(kafka.bootstrapServers(), "agent-actions",
                threads * perThread, Duration.ofSeconds(30)), correlationId);
        assertThat(names).hasSize(threads * perThread).doesNotHaveDuplicates();
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            List<String> ofThread = names.stream().filter(name -> name.startsWith(prefix)).toList();
            List<String> sorted = new ArrayList<>(ofThread);
            Collections.sort(sorted);
            assertThat(ofThread).as("order of thread %d", t).isEqualTo(sorted);
        }
    }

    @Test
    void unwritableSpoolFailsWithExitOneAndNamesThePath() throws Exception {
        Path file = Files.writeString(spool.resolve("not-a-directory"), "x");
        Map<String, String> env = new HashMap<>(env());
        env.put("AGENTOBS_SPOOL_DIR", file.resolve("spool").toString());
        env.put("KAFKA_BROKERS", "127.0.0.1:1");
        env.put("AGENTOBS_SEND_TIMEOUT_MS", "300");

        CliRun run = CliRun.run(env, "log-action", "--agent-name", "a", "--action-type", "error",
                "--action-name", "x");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.json().get("success").asBoolean()).isFalse();
        assertThat(run.json().get("error").asString()).contains(file.toString());
        assertThat(run.stderr()).contains(file.toString());
    }

    private static List<String> actionNames(List<ConsumerRecord<String, byte[]>> records, String correlationId) {
        return records.stream()
                .filter(record -> correlationId.equals(record.key()))
                .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .map(record -> EventJson.mapper().readTree(record.value()).get("action_name").asString())
                .toList();
    }
}
