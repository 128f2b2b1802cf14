package io.agentobs.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.agentobs.audit.archive.ArchiveFileInfo;
import io.agentobs.audit.archive.ArchiveObject;
import io.agentobs.audit.archive.S3Archive;
import io.agentobs.audit.archive.S3Settings;
import io.agentobs.cli.AgentobsCli;
import io.agentobs.cli.CliContext;
import io.agentobs.events.codec.EventJson;
import io.agentobs.infra.InfraPorts;
import io.agentobs.infra.InfraStack;
import io.agentobs.infra.PostgresServer;
import io.agentobs.infra.S3Server;
import io.agentobs.infra.client.ServiceHttp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The local stack on free ports in {@code target/local-stack-it}, with the service jars of this checkout: events
 * published with the CLI's {@code simulate} arrive in PostgreSQL, the metrics API and the S3 archive. Needs the
 * services packaged first ({@code ./mvnw verify} builds them before this module). Data and the services' logs:
 * {@code target/local-stack-it/}.
 */
class LocalStackIT {

    private static final Path HOME = Path.of("").toAbsolutePath().getParent();
    private static final List<String> SERVICES =
            List.of("db-writer-service", "metrics-aggregator-service", "audit-logger-service");
    private static final List<String> TABLES = List.of("agent_actions", "agent_routing_decisions",
            "agent_transformation_events", "router_performance_metrics", "execution_paths", "code_artifacts",
            "success_patterns", "failure_patterns");
    private static final Duration SINK_TIMEOUT = Duration.ofSeconds(60);

    /** Under target/, not a temporary directory: the services' logs stay there to read after a failure. */
    private static final Path DATA = Path.of("target", "local-stack-it");

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        for (String service : SERVICES) {
            assertThat(ServiceJar.find(HOME, service))
                    .as("%s jar in %s/target: run ./mvnw package first", service, service).isPresent();
        }
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        FleetService.all().forEach(service -> servicePorts.put(service.module(), freePort()));
        LocalStackOptions options = new LocalStackOptions(HOME, DATA, true, OptionalDouble.empty(),
                new InfraPorts(freePort(), freePort(), freePort(), freePort()), servicePorts,
                // Parquet files are uploaded 2 s after a partition's last record instead of 30 s.
                Map.of("AUDIT_IDLE_FLUSH", "2s"), Duration.ofSeconds(90));
        stack = new LocalStack(options);
        stack.start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void simulatedEventsReachPostgresTheMetricsApiAndTheArchive() throws Exception {
        JsonNode result = simulate(400);
        long sent = result.path("sent").asLong();
        long actions = result.path("by_topic").path("agent-actions").asLong();
        assertThat(sent).isEqualTo(400);
        assertThat(actions).isPositive();

        await().atMost(SINK_TIMEOUT).untilAsserted(() -> assertThat(rowsInPostgres().values().stream()
                .mapToLong(Long::longValue).sum()).as("rows per table %s, events per topic %s", rowsInPostgres(),
                result.path("by_topic")).isEqualTo(sent));
        int metricsPort = stack.fleet().running().stream()
                .filter(instance -> instance.service().module().equals("metrics-aggregator-service"))
                .findFirst().orElseThrow().port();
        await().atMost(SINK_TIMEOUT).untilAsserted(() -> assertThat(countedByTheMetricsApi(metricsPort))
                .isEqualTo(sent));
        try (S3Archive archive = archive()) {
            await().atMost(SINK_TIMEOUT).untilAsserted(() -> assertThat(archivedRecords(archive, "agent-actions"))
                    .isEqualTo(actions));
        }
    }

    @Test
    void tableNamesEveryServerAndEveryServiceWithItsUrls() {
        String table = stack.table();

        InfraStack infra = stack.infra();
        assertThat(table).contains(infra.kafka().bootstrapServers(), infra.postgres().jdbcUrl(),
                infra.redis().uri().toString(), infra.s3().endpoint().toString(), InfraStack.AUDIT_BUCKET);
        for (ServiceInstance instance : stack.fleet().running()) {
            String base = "http://localhost:" + instance.port();
            assertThat(table).contains(base + "/actuator/health/readiness", base + "/actuator/prometheus");
        }
        assertThat(table).contains("/api/metrics/summary", "/swagger-ui.html");
        assertThat(stack.fleet().running()).extracting(instance -> instance.service().module())
                .containsAll(SERVICES);
    }

    /** {@code agentobs simulate} in-process, as fast as Kafka takes the events; its JSON result. */
    private static JsonNode simulate(int events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliContext context = new CliContext(Map.of("KAFKA_BROKERS", stack.infra().kafka().bootstrapServers(),
                "AGENTOBS_SPOOL_DIR", DATA.resolve("test-spool").toString()), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Clock.systemUTC());
        int exit = AgentobsCli.run(context, "simulate", "--rate", "0", "--events", Integer.toString(events),
                "--seed", "7", "--no-progress");
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(json).isZero();
        return EventJson.mapper().readTree(json);
    }

    /** Events in the windows of the last day plus those counted as late (the generator reorders a few). */
    private static long countedByTheMetricsApi(int port) throws Exception {
        JsonNode summary = EventJson.mapper().readTree(ServiceHttp.get(port, "/api/metrics/summary?from=1d").body());
        long late = 0;
        for (JsonNode perTopic : summary.path("late")) {
            late += perTopic.asLong();
        }
        return summary.path("events").asLong() + late;
    }

    private static Map<String, Long> rowsInPostgres() throws SQLException {
        PostgresServer postgres = stack.infra().postgres();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password()); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
        }
        return rows;
    }

    private static S3Archive archive() {
        S3Server s3 = stack.infra().s3();
        S3Settings settings = new S3Settings(InfraStack.AUDIT_BUCKET, "", s3.endpoint(), s3.region(), true,
                s3.accessKey(), s3.secretKey(), S3Settings.ConditionalWrites.AUTO);
        return new S3Archive(settings.newClient(), settings);
    }

    private static long archivedRecords(S3Archive archive, String topic) throws IOException {
        long records = 0;
        Instant now = Instant.now();
        for (ArchiveObject object : archive.list(topic, now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(2)))) {
            records += archive.readInfo(object).map(ArchiveFileInfo::recordCount).orElse(0L);
        }
        return records;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
