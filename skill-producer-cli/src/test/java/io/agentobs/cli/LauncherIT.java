package io.agentobs.cli;

import io.agentobs.events.codec.EventJson;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.S3Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/agentobs as agents run it: a separate process using the packaged jar and its start-up cache, one JSON line on
 * stdout and nothing else, exit codes 0 and 2.
 */
class LauncherIT {

    @RegisterExtension
    static final KafkaExtension kafka = KafkaExtension.shared();

    @RegisterExtension
    static final S3Extension s3 = S3Extension.shared();

    @TempDir
    Path dir;

    private record Result(int exit, String stdout, String stderr) {
    }

    private Result agentobs(String... args) throws IOException, InterruptedException {
        return agentobs(Map.of(), args);
    }

    private Result agentobs(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        Path launcher = Path.of("..", "bin", "agentobs").toAbsolutePath().normalize();
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BROKERS", kafka.bootstrapServers());
        env.put("AGENTOBS_SPOOL_DIR", dir.resolve("spool").toString());
        env.put("AGENTOBS_CACHE_DIR", dir.resolve("cache").toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(extraEnv);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void launcherPublishesWithOneJsonLineOnStdoutAndBuildsItsStartUpCache() throws Exception {
        Result first = agentobs("log-action", "--agent", "agent-launcher", "--action-type", "success",
                "--action-name", "done");
        Result second = agentobs("log-action", "--agent", "agent-launcher", "--action-type", "success",
                "--action-name", "done");

        for (Result result : List.of(first, second)) {
            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.stdout().strip().lines()).hasSize(1);
            JsonNode json = EventJson.mapper().readTree(result.stdout());
            assertThat(json.get("success").asBoolean()).isTrue();
            assertThat(json.get("offset").asLong()).isNotNegative();
        }
        assertThat(first.stderr()).contains("start-up cache");
        assertThat(second.stderr()).isEmpty();
        try (var files = Files.list(dir.resolve("cache"))) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("agentobs-cli-") && (name.endsWith(".jsa")
                            || name.endsWith(".aot")));
        }
    }

    @Test
    void launcherAddsTheArchiveClassPathForAuditVerify() throws Exception {
        String bucket = "launcher-" + UUID.randomUUID();
        s3.createBucket(bucket);

        Result verify = agentobs(Map.of("S3_BUCKET", bucket, "S3_ENDPOINT", s3.endpoint().toString(),
                "S3_PATH_STYLE", "true", "AWS_ACCESS_KEY_ID", s3.accessKey(), "AWS_SECRET_ACCESS_KEY",
                s3.secretKey()), "audit", "verify", "--topic", "all", "--format", "json");

        assertThat(verify.exit()).as(verify.toString()).isZero();
        JsonNode report = EventJson.mapper().readTree(verify.stdout());
        assertThat(report.get("contiguous").asBoolean()).isTrue();
        assertThat(report.get("topics")).hasSize(8);
    }

    @Test
    void launcherExitsTwoOnUsageErrorsAndZeroOnHelp() throws Exception {
        Result usage = agentobs("log-action", "--agent", "a");
        Result help = agentobs("log-routing-decision", "--help");

        assertThat(usage.exit()).as(usage.toString()).isEqualTo(2);
        assertThat(EventJson.mapper().readTree(usage.stdout()).get("error").asString()).contains("action_type");
        assertThat(help.exit()).isZero();
        assertThat(help.stdout()).contains("--confidence").contains("--agent").contains("selected_agent");
    }
}
