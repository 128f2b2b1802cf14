package io.agentobs.dbwriter.reconcile;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.agentobs.dbwriter.table.EventTables;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.kafka.KafkaConnection;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code db-writer-service reconcile}: compares the events of one topic in Kafka with the rows of its table in
 * PostgreSQL over an event-time window and lists what is missing on either side (SPEC §4.1; the dual-write check of
 * seed 001). Runs without Spring: a plain consumer and one JDBC connection.
 */
@Command(name = ReconcileCommand.NAME, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Compares the events of one topic in Kafka with the rows of its PostgreSQL table over an event-time "
                    + "window, and lists the events missing on either side.",
            "",
            "Window: [from, to) on the event time: the event's timestamp field, the table's event_time column.",
            "",
            "Kafka: every partition is read by a plain consumer that joins no group and commits nothing, from the "
                    + "first record stamped at or after from - skew to the partition's end offset at the start "
                    + "(--bounded: to the first record stamped at or after to + skew). Each record is decoded and "
                    + "validated as the db-writer does; the valid events whose time is in the window are the Kafka "
                    + "side. An event id at two offsets (a producer retry) counts once, the others as duplicates. "
                    + "Records that fail are counted as invalid, with their partition@offset, when their Kafka "
                    + "timestamp is within the window widened by the skew: the db-writer sent them to <topic>-dlq, "
                    + "so they are not expected in PostgreSQL.",
            "",
            "PostgreSQL: SELECT event_id, kafka_partition, kafka_offset FROM <table> "
                    + "WHERE event_time >= from AND event_time < to.",
            "",
            "missing_in_postgres: in Kafka without a row, listed as event_id and partition@offset. Hint "
                    + "consumer_lag: at or past the db-writer group's stored offset, so not written yet rather than "
                    + "lost.",
            "missing_in_kafka: a row without a record among those read, listed as event_id and the partition@offset "
                    + "the row stored. Rows whose records were deleted by topic retention show up here (hint "
                    + "expired_by_retention: the stored offset is below the partition's first offset). Hint "
                    + "before_scan_start: the record is still in Kafka but stamped before from - skew (raise --skew); "
                    + "unknown_partition: the topic has no such partition. Rows whose stored offset is at or past "
                    + "the end of the scanned offsets are not compared, only counted.",
            "",
            "Memory: both sides are held as sets of event ids, roughly 150 bytes per event: fine for millions. For "
                    + "more, narrow the window or give the JVM more heap (java -Xmx4g -jar ...).",
            ""},
        footer = {
            "",
            "Environment: POSTGRES_HOST, POSTGRES_PORT, POSTGRES_DATABASE, POSTGRES_USER, POSTGRES_PASSWORD, "
                    + "POSTGRES_SSL_MODE (defaults localhost, 5432, agentobs, agentobs, empty, prefer), as for the "
                    + "service; KAFKA_BROKERS, KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, "
                    + "KAFKA_SASL_PASSWORD, KAFKA_SSL_CA_LOCATION, KAFKA_SSL_KEYSTORE_LOCATION, "
                    + "KAFKA_SSL_KEY_PASSWORD; KAFKA_GROUP_ID (the db-writer group, default db-writer-group); "
                    + "AGENTOBS_CONSUMER_MAX_EVENT_BYTES.",
            "",
            "Exit codes: 0 nothing missing on either side, 1 something missing, 2 usage error (unknown topic, bad "
                    + "time or option), 3 Kafka or PostgreSQL could not be reached or read (the message names which "
                    + "and its address)."})
public final class ReconcileCommand implements Callable<Integer> {

    /** The first argument that selects this command in {@code DbWriterApplication.main}. */
    public static final String NAME = "reconcile";

    private static final String DEFAULT_GROUP = "db-writer-group";
    private static final String LOGGING = "io/agentobs/dbwriter/reconcile/logback-reconcile.xml";

    /** Output formats. */
    enum Format { TEXT, JSON }

    @Option(names = "--topic", required = true, paramLabel = "<topic>",
            description = "The topic to check, e.g. agent-actions; its table comes from the topic catalog.")
    private String topicName;

    @Option(names = "--from", required = true, paramLabel = "<instant|duration>",
            description = "Start of the window, included: an instant like 2026-11-24T00:00:00Z, or a duration back "
                    + "from --to like 1h or 30m.")
    private String from;

    @Option(names = "--to", paramLabel = "<instant>",
            description = "End of the window, excluded: an instant. Default: now.")
    private String to;

    @Option(names = "--skew", defaultValue = "5m", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "How far Kafka record timestamps may differ from event times (producer clocks, retries, "
                    + "spooling): the scan starts at from - skew. Default ${DEFAULT-VALUE}.")
    private Duration skew;

    @Option(names = "--bounded",
            description = "Stop each partition at the first record stamped at or after to + skew instead of its "
                    + "end offset: faster for old windows, but misses events published later than that.")
    private boolean bounded;

    @Option(names = "--max-listed", defaultValue = "20", paramLabel = "<n>",
            description = "Events listed per side, and invalid records listed. Default ${DEFAULT-VALUE}.")
    private int maxListed;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text: a readable report; json: one JSON object. Default ${DEFAULT-VALUE}.")
    private Format format;

    @Option(names = "--brokers", paramLabel = "<host:port,...>",
            description = "Kafka bootstrap servers, instead of KAFKA_BROKERS; security settings still come from the "
                    + "KAFKA_* variables.")
    private String brokers;

    @Option(names = "--jdbc-url", paramLabel = "<url>",
            description = "jdbc:postgresql://host:port/database, instead of the POSTGRES_* variables.")
    private String jdbcUrl;

    @Option(names = "--user", paramLabel = "<name>", description = "PostgreSQL user, instead of POSTGRES_USER.")
    private String user;

    @Option(names = "--password", paramLabel = "<password>",
            description = "PostgreSQL password, instead of POSTGRES_PASSWORD (which keeps it out of the process "
                    + "list).")
    private String password;

    @Option(names = "--group", paramLabel = "<group>",
            description = "The db-writer consumer group whose stored offsets tell lag from loss. Default: "
                    + "KAFKA_GROUP_ID, else " + DEFAULT_GROUP + ".")
    private String group;

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "How long Kafka may not answer before it counts as unreachable. Default ${DEFAULT-VALUE}.")
    private Duration timeout;

    @Option(names = "--max-event-bytes", paramLabel = "<bytes>",
            description = "Largest valid record value, as the db-writer's agentobs.consumer.max-event-bytes. "
                    + "Default: AGENTOBS_CONSUMER_MAX_EVENT_BYTES, else 1048576.")
    private Integer maxEventBytes;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final PrintStream out;
    private final Map<String, String> env;

    private ReconcileCommand(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    /**
     * Runs one command line (the arguments after {@code reconcile}) as the process would: quiet client logging to
     * stderr, the process's streams and environment.
     */
    public static int run(String... args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING);
        }
        return run(System.out, System.err, System.getenv(), args);
    }

    /** Runs one command line with the given streams and environment; returns the exit code (see {@link ExitCodes}). */
    public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        CommandLine commandLine = new CommandLine(new ReconcileCommand(out, env));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println(NAME + ": " + exception.getMessage());
            err.println("Try 'java -jar db-writer-service.jar " + NAME + " --help'.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            if (exception instanceof ReconcileFailure failure) {
                err.println(NAME + ": " + failure.getMessage());
                return failure.exitCode();
            }
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            err.println(NAME + ": unexpected failure, nothing compared: " + trace);
            return ExitCodes.UNREACHABLE;
        });
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    @Override
    public Integer call() throws ReconcileFailure {
        Topic topic = Topic.byName(topicName).orElseThrow(() -> ReconcileFailure.usage(
                "unknown topic '" + topicName + "'; one of " + topicNames()));
        TimeRange range;
        try {
            range = TimeRange.parse(from, to, Instant.now());
        } catch (IllegalArgumentException e) {
            throw ReconcileFailure.usage(e.getMessage());
        }
        if (maxListed < 0) {
            throw ReconcileFailure.usage("--max-listed must be 0 or more, got " + maxListed);
        }
        try {
            range.from().minus(skew).plus(skew);
            range.to().plus(skew);
        } catch (DateTimeException | ArithmeticException e) {
            throw ReconcileFailure.usage("--skew " + skew + " reaches past the supported instants");
        }
        if (timeout.isZero()) {
            throw ReconcileFailure.usage("--timeout must be longer than 0");
        }
        EventCodec codec = codec();
        KafkaConnection kafka = kafkaConnection();
        Map<String, Object> clientProperties;
        try {
            clientProperties = kafka.clientProperties();
        } catch (IllegalArgumentException e) {
            throw ReconcileFailure.usage(e.getMessage());
        }
        PostgresTarget postgres = PostgresTarget.fromEnvironment(env).with(jdbcUrl, user, password);
        if (!postgres.isPostgresUrl()) {
            throw ReconcileFailure.usage("--jdbc-url must start with jdbc:postgresql://, got '" + jdbcUrl + "'");
        }
        String table = EventTables.tableName(topic);
        String writerGroup = group != null ? group : firstSet("KAFKA_GROUP_ID", "CONSUMER_GROUP_ID",
                "KAFKA_CONSUMER_GROUP", DEFAULT_GROUP);
        // PostgreSQL first: it answers at once when it is down, where Kafka takes the timeout to tell
        try (PostgresIdReader reader = PostgresIdReader.open(postgres)) {
            KafkaScan scan = new KafkaIdScanner(clientProperties, kafka.brokers(), timeout, codec, maxListed)
                    .scan(topic, range, skew, bounded);
            // read after the scan, so rows the db-writer wrote meanwhile are seen rather than reported missing
            Map<UUID, Coordinates> rows = reader.eventIds(table, range);
            Map<Integer, Long> positions = reader.writerPositions(writerGroup, topic.topicName());
            ReconcileReport report = new Reconciler(maxListed)
                    .compare(topic.topicName(), table, range, skew, writerGroup, scan, rows, positions);
            out.println(format == Format.JSON ? report.json() : report.text());
            return report.exitCode();
        }
    }

    private EventCodec codec() throws ReconcileFailure {
        String fromEnv = env.get("AGENTOBS_CONSUMER_MAX_EVENT_BYTES");
        int bytes;
        try {
            bytes = maxEventBytes != null ? maxEventBytes
                    : fromEnv == null || fromEnv.isBlank() ? EventCodec.DEFAULT_MAX_PAYLOAD_BYTES
                    : Integer.parseInt(fromEnv.trim());
        } catch (NumberFormatException e) {
            throw ReconcileFailure.usage("AGENTOBS_CONSUMER_MAX_EVENT_BYTES must be a number, got '" + fromEnv + "'");
        }
        if (bytes < 1) {
            throw ReconcileFailure.usage("the largest event must be at least 1 byte, got " + bytes);
        }
        return new EventCodec(bytes);
    }

    private KafkaConnection kafkaConnection() {
        if (brokers == null) {
            return KafkaConnection.fromEnvironment(env);
        }
        Map<String, String> withBrokers = new HashMap<>(env);
        withBrokers.put("KAFKA_BROKERS", brokers);
        return KafkaConnection.fromEnvironment(withBrokers);
    }

    /** The value of the first variable set, else the last argument. */
    private String firstSet(String... namesThenDefault) {
        for (int i = 0; i < namesThenDefault.length - 1; i++) {
            String value = env.get(namesThenDefault[i]);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return namesThenDefault[namesThenDefault.length - 1];
    }

    private static String topicNames() {
        List<String> names = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            names.add(topic.topicName());
        }
        return String.join(", ", names);
    }
}
