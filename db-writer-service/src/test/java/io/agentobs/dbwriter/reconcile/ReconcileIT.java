package io.agentobs.dbwriter.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.PostgresExtension;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reconcile command against a real Kafka broker and PostgreSQL: what it finds missing on each side, and its exit
 * codes. Each test uses its own hour of event time, a few days back (inside the topic's retention, clear of the
 * current events other tests write), so the shared topic and table need no cleaning.
 */
class ReconcileIT {

    @RegisterExtension
    static final KafkaExtension kafka = KafkaExtension.shared();

    @RegisterExtension
    static final PostgresExtension postgres = PostgresExtension.shared();

    private static final String TOPIC = "agent-actions";
    /** A random minute two to five days back; each test takes an hour three hours apart from the others. */
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.MINUTES)
            .minus(Duration.ofDays(2)).minus(Duration.ofMinutes(ThreadLocalRandom.current().nextLong(3 * 24 * 60)));

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void schemaAndTopic() throws Exception {
        Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                .locations("classpath:db/migration").load().migrate();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Test
    void reportsEventsMissingOnEachSideInvalidRecordsAndDuplicates() throws Exception {
        Instant from = BASE;
        List<Sent> sent = new ArrayList<>();
        Sent malformed;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 10; i++) {
                sent.add(send(producer, UUID.randomUUID(), from.plus(Duration.ofMinutes(5L * i))));
            }
            Sent retried = send(producer, sent.get(0).eventId(), sent.get(0).time());
            assertThat(retried.at()).isNotEqualTo(sent.get(0).at());
            send(producer, UUID.randomUUID(), from.minus(Duration.ofMinutes(1)));
            send(producer, UUID.randomUUID(), from.plus(Duration.ofHours(1)));
            malformed = send(producer, "{\"event_id\": \"not closed".getBytes(StandardCharsets.UTF_8),
                    from.plus(Duration.ofMinutes(30)));
        }
        for (Sent event : sent.subList(2, sent.size())) {
            insertRow(event.eventId(), event.time(), event.at());
        }
        UUID notInKafka = UUID.randomUUID();
        insertRow(notInKafka, from.plus(Duration.ofMinutes(45)), malformed.at());

        int exitCode = reconcile("--topic", TOPIC, "--from", from.toString(), "--to", from.plus(Duration.ofHours(1))
                .toString(), "--format", "json");

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.MISSING);
        JsonNode report = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode counts = report.get("counts");
        assertThat(counts.get("kafka_events").asLong()).isEqualTo(10);
        assertThat(counts.get("postgres_rows").asLong()).isEqualTo(9);
        assertThat(counts.get("in_both").asLong()).isEqualTo(8);
        assertThat(counts.get("invalid_records").asLong()).isEqualTo(1);
        assertThat(counts.get("duplicates_in_kafka").asLong()).isEqualTo(1);
        assertThat(counts.get("missing_in_postgres").asLong()).isEqualTo(2);
        assertThat(counts.get("missing_in_kafka").asLong()).isEqualTo(1);
        assertThat(report.get("missing_in_postgres").values()).extracting(ReconcileIT::listed)
                .containsExactlyInAnyOrder(sent.get(0).listing(), sent.get(1).listing());
        assertThat(report.get("missing_in_kafka").values()).extracting(ReconcileIT::listed)
                .containsExactly(notInKafka + " " + malformed.at());
        JsonNode invalid = report.get("invalid_records").get(0);
        assertThat(new Coordinates(invalid.get("partition").asInt(), invalid.get("offset").asLong()))
                .isEqualTo(malformed.at());
        assertThat(invalid.get("reason").asString()).startsWith("MALFORMED_JSON");
    }

    @Test
    void exitsZeroWhenBothSidesHoldTheSameEvents() throws Exception {
        Instant from = BASE.plus(Duration.ofHours(3));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 5; i++) {
                Sent event = send(producer, UUID.randomUUID(), from.plus(Duration.ofMinutes(10L * i)));
                insertRow(event.eventId(), event.time(), event.at());
            }
        }

        int exitCode = reconcile("--topic", TOPIC, "--from", "1h", "--to", from.plus(Duration.ofHours(1)).toString());

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.CONSISTENT);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("In both +5")
                .contains("Missing in PostgreSQL: 0", "Missing in Kafka: 0", "Result: consistent (exit 0)");
    }

    @Test
    void unknownTopicExitsTwo() {
        assertThat(reconcile("--topic", "agent-acts", "--from", "1h")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown topic 'agent-acts'");
        assertThat(out.size()).isZero();
    }

    @Test
    void unreachablePostgresExitsThreeNamingItsAddress() throws IOException {
        int closedPort = closedPort();

        int exitCode = ReconcileCommand.run(stream(out), stream(err), Map.of(), "--topic", TOPIC, "--from", "1h",
                "--brokers", kafka.bootstrapServers(), "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/agentobs", "--user", "agentobs", "--format", "json");

        assertThat(exitCode).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cannot reach PostgreSQL at 127.0.0.1:" + closedPort + "/agentobs");
        assertThat(out.size()).isZero();
    }

    @Test
    void unreachableKafkaExitsThreeNamingTheBrokers() throws IOException {
        String brokers = "127.0.0.1:" + closedPort();

        int exitCode = ReconcileCommand.run(stream(out), stream(err), Map.of(), "--topic", TOPIC, "--from", "1h",
                "--brokers", brokers, "--timeout", "2s", "--jdbc-url", postgres.jdbcUrl(), "--user",
                postgres.username(), "--password", postgres.password());

        assertThat(exitCode).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Kafka at " + brokers);
        assertThat(out.size()).isZero();
    }

    /** Runs the command against the test servers, with a consumer group of its own (no stored offsets). */
    private int reconcile(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--brokers", kafka.bootstrapServers(), "--jdbc-url", postgres.jdbcUrl(), "--user",
                postgres.username(), "--password", postgres.password(), "--group", "reconcile-it"));
        return ReconcileCommand.run(stream(out), stream(err), Map.of(), all.toArray(String[]::new));
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes a valid event stamped (record and event time) {@code time}. */
    private static Sent send(KafkaProducer<String, byte[]> producer, UUID eventId, Instant time) throws Exception {
        byte[] value = ("{\"event_id\":\"" + eventId + "\",\"correlation_id\":\"" + UUID.randomUUID() + "\","
                + "\"agent_name\":\"a\",\"action_type\":\"tool_call\",\"action_name\":\"Read\",\"timestamp\":\""
                + time + "\"}").getBytes(StandardCharsets.UTF_8);
        Sent sent = send(producer, value, time);
        return new Sent(eventId, time, sent.at());
    }

    private static Sent send(KafkaProducer<String, byte[]> producer, byte[] value, Instant time) throws Exception {
        RecordMetadata metadata = producer.send(new ProducerRecord<>(TOPIC, null, time.toEpochMilli(),
                UUID.randomUUID().toString(), value)).get();
        return new Sent(null, time, new Coordinates(metadata.partition(), metadata.offset()));
    }

    /** Writes an agent_actions row as the db-writer would have. */
    private static void insertRow(UUID eventId, Instant time, Coordinates at) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
             PreparedStatement insert = connection.prepareStatement("INSERT INTO agent_actions (event_id, "
                     + "correlation_id, event_time, agent_name, action_type, action_name, schema_version, "
                     + "kafka_partition, kafka_offset) VALUES (?, ?, ?, 'a', 'tool_call', 'Read', 1, ?, ?)")) {
            insert.setObject(1, eventId);
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, time.atOffset(ZoneOffset.UTC));
            insert.setInt(4, at.partition());
            insert.setLong(5, at.offset());
            insert.executeUpdate();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String listed(JsonNode item) {
        return item.get("event_id").asString() + " " + item.get("partition").asInt() + "@" + item.get("offset").asLong()
                + (item.has("hint") ? " " + item.get("hint").asString() : "");
    }

    /** A record the test published: its event id (null when malformed), time and coordinates. */
    private record Sent(UUID eventId, Instant time, Coordinates at) {

        /** As {@code listed(JsonNode)} writes a listed event without a hint. */
        String listing() {
            return eventId + " " + at;
        }
    }
}
