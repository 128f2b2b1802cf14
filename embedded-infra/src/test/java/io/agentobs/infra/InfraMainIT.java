package io.agentobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs {@link InfraMain} in a child JVM, kills it with {@code kill -9} (which orphans PostgreSQL and Redis), then
 * starts the same stack again in this JVM: the orphans must be stopped and the data must still be there.
 */
class InfraMainIT {

    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void stackStartsAgainAfterItsJvmWasKilledAndKeepsItsData(@TempDir Path baseDirectory) throws Exception {
        InfraPorts ports = new InfraPorts(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
        child = launchInfraMain(baseDirectory, ports);
        await().atMost(Duration.ofSeconds(90)).until(() -> isReady() || !child.isAlive());
        assertThat(child.isAlive()).as("InfraMain output:%n%s", String.join("\n", output)).isTrue();
        assertThat(output).contains("KAFKA_BROKERS=localhost:" + ports.kafka(),
                "POSTGRES_PORT=" + ports.postgres(), "REDIS_PORT=" + ports.redis());

        writeData(ports);
        child.destroyForcibly().waitFor();
        assertThat(Ports.isOpen(ports.postgres())).as("orphaned postmaster").isTrue();
        assertThat(Ports.isOpen(ports.redis())).as("orphaned redis-server").isTrue();

        try (InfraStack stack = InfraStack.create(ports, baseDirectory)) {
            stack.start();

            assertThat(readData(stack)).containsExactly("row kept", "key kept", "object kept");
            assertThat(stack.kafka().bootstrapServers()).isEqualTo("localhost:" + ports.kafka());
        }
        assertThat(List.of(ports.kafka(), ports.postgres(), ports.redis(), ports.s3()))
                .noneMatch(Ports::isOpen);
    }

    private boolean isReady() {
        return output.stream().anyMatch(line -> line.startsWith(InfraMain.READY_LINE));
    }

    private Process launchInfraMain(Path baseDirectory, InfraPorts ports) throws IOException {
        // The killed JVM cannot delete its temporary directories; keep them inside the test's own one, but share
        // zonky's unpacked PostgreSQL binaries instead of unpacking them again.
        Path childTemp = Files.createDirectories(baseDirectory.resolve("tmp"));
        Path pgBinaries = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + childTemp,
                "-Dot.epg.working-dir=" + pgBinaries,
                "-cp", System.getProperty("java.class.path"),
                InfraMain.class.getName(),
                "--base-dir=" + baseDirectory,
                "--kafka-port=" + ports.kafka(),
                "--postgres-port=" + ports.postgres(),
                "--redis-port=" + ports.redis(),
                "--s3-port=" + ports.s3())
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(() -> collectLines(process), "infra-main-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private void collectLines(Process process) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("output closed: " + e);
        }
    }

    /** Writes through the child's servers, addressed by the same fixed ports and credentials. */
    private static void writeData(InfraPorts ports) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + ports.postgres() + "/agentobs", "agentobs", "agentobs");
             Statement statement = connection.createStatement()) {
            statement.execute("create table survivor (note text)");
            statement.execute("insert into survivor values ('row kept')");
        }
        RedisClient redis = RedisClient.create("redis://localhost:" + ports.redis());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            connection.sync().set("survivor", "key kept");
        } finally {
            redis.shutdown();
        }
        try (S3Client s3 = S3Clients.forEndpoint(URI.create("http://127.0.0.1:" + ports.s3()),
                S3Options.fixedPort(ports.s3()))) {
            s3.createBucket(request -> request.bucket("survivor"));
            s3.putObject(request -> request.bucket("survivor").key("note"), RequestBody.fromString("object kept"));
        }
    }

    private static List<String> readData(InfraStack stack) throws SQLException {
        String row;
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(),
                stack.postgres().username(), stack.postgres().password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select note from survivor")) {
            rows.next();
            row = rows.getString(1);
        }
        String key;
        RedisClient redis = RedisClient.create(stack.redis().uri().toString());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            key = connection.sync().get("survivor");
        } finally {
            redis.shutdown();
        }
        String object;
        try (S3Client s3 = S3Clients.forServer(stack.s3())) {
            object = s3.getObjectAsBytes(request -> request.bucket("survivor").key("note")).asUtf8String();
        }
        return List.of(row, key, object);
    }
}
