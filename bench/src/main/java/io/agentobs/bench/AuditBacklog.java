package io.agentobs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.agentobs.audit.archive.S3Archive;
import io.agentobs.audit.archive.S3Settings;
import io.agentobs.infra.EmbeddedKafkaServer;
import io.agentobs.infra.EmbeddedS3Server;
import io.agentobs.infra.KafkaOptions;
import io.agentobs.infra.S3Options;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka backlog into the S3 archive: how fast audit-logger-service archives a backlog of agent-actions events (or of
 * simulated traces over every topic) as Parquet objects, counted until its committed offsets cover every event (it
 * commits only what is in S3), against a bare Kafka consumer reading the same backlog in the same run; and how large
 * the objects are against the same events as NDJSON.
 *
 * <p>Usage: {@code AuditBacklog [events [rounds [batchSize…]]]} (default 500000 events, 1 round, batch sizes 500
 * and 2000). Starts embedded Kafka and an embedded S3 server whose blob store is a temporary directory (one file per
 * object on disk). Then per round and batch size:
 * <ol>
 *   <li>puts a backlog of {@code events} new events into {@code agent-actions} (12 partitions) in one transaction;
 *   <li>reads it with a bare {@code KafkaConsumer<byte[], byte[]>} that only counts (reference);
 *   <li>starts the service as a child process ({@code java -jar}, fresh group, empty bucket of its own) and waits
 *       until the group's committed offsets cover every event of the backlog (cold drain); lists the objects, reads
 *       their footers and fails unless they hold exactly the backlog's records;
 *   <li>commits another backlog while the service runs, and waits and checks again (warm drains;
 *       {@code -Dagentobs.bench.warm-backlogs}, default 2, because the JIT compiler is still busy in the first);
 *   <li>stops the service and runs the reference again.
 * </ol>
 * {@code -Dagentobs.bench.env.NAME=value} passes one more environment variable to the service
 * ({@code AUDIT_COMPRESSION=snappy}, say). Every event has a random correlation id of its own (also its key), unless
 * {@code -Dagentobs.bench.events-per-correlation=N}: then N consecutive events share one, as a task's actions do.
 *
 * <p>{@code -Dagentobs.bench.traffic=simulate} replaces the agent actions with {@code agentobs simulate}'s traffic
 * ({@link SimulatedTraffic}: whole traces of its generator, a seed of their own per backlog, on a fixed clock) until
 * at least {@code events} events: the eight topics, each created with its catalog partition count, and the
 * generator's keys and values. The service then consumes all eight; the drain, the footer check, the reference
 * consumer and the NDJSON comparison cover every topic, and each drain's report adds the ratio per topic.
 */
public final class AuditBacklog {

    static final List<Integer> DEFAULT_BATCH_SIZES = List.of(500, 2000);
    /** The performance targets: events archived per second, and archive bytes over NDJSON bytes. */
    static final double TARGET_EVENTS_PER_SECOND = 100_000;
    static final double TARGET_SIZE_RATIO = 0.20;
    private static final int DEFAULT_EVENTS = 500_000;
    /** Backlogs drained by the running service after the first; JIT compilation still goes on during the first. */
    private static final int DEFAULT_WARM_BACKLOGS = 2;
    /** Short, so a partition's last file is uploaded soon after its last record rather than after the 30 s default. */
    private static final String IDLE_FLUSH = "2s";
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration PROGRESS_SCRAPE = Duration.ofMillis(250);
    private static final String DEFAULT_COMPRESSION = "zstd";

    private final EmbeddedS3Server s3;
    private final BacklogLoader loader;
    private final Admin admin;
    private final String bootstrap;
    private final Path jar;
    private final Path logs;
    private final DrainWatch watch;
    private final AtomicReference<ServiceProcess> service;
    private final Traffic traffic;
    private final SimulatedTraffic simulated = new SimulatedTraffic();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private AuditBacklog(Traffic traffic, EmbeddedS3Server s3, BacklogLoader loader, Admin admin, String bootstrap,
                         Path jar, Path logs, ProcessCpu cpu, AtomicReference<ServiceProcess> service) {
        this.traffic = traffic;
        this.s3 = s3;
        this.loader = loader;
        this.admin = admin;
        this.bootstrap = bootstrap;
        this.jar = jar;
        this.logs = logs;
        this.watch = new DrainWatch(cpu, DrainWatch.CpuWindow.WHOLE_DRAIN, DRAIN_TIMEOUT, POLL);
        this.service = service;
    }

    public static void main(String[] args) throws Exception {
        BacklogArgs a = BacklogArgs.parse(args, DEFAULT_EVENTS, DEFAULT_BATCH_SIZES, DEFAULT_WARM_BACKLOGS);
        int eventsPerCorrelation = Integer.getInteger("agentobs.bench.events-per-correlation", 1);
        List<AuditRun> runs = run(Traffic.fromSystemProperty(), a.events(), a.rounds(), a.batchSizes(),
                a.warmBacklogs(), eventsPerCorrelation);
        System.out.println();
        System.out.println(summary(runs));
        // The embedded broker's leftover non-daemon threads must not keep the JVM alive.
        System.exit(0);
    }

    /** Runs every round and batch size with the bench's agent actions; prints each run's figures as it ends. */
    public static List<AuditRun> run(int events, int rounds, List<Integer> batchSizes, int warmBacklogs,
                                     int eventsPerCorrelation) throws Exception {
        return run(Traffic.ACTIONS, events, rounds, batchSizes, warmBacklogs, eventsPerCorrelation);
    }

    /** Runs every round and batch size with the given traffic; prints each run's figures as it ends. */
    static List<AuditRun> run(Traffic traffic, int events, int rounds, List<Integer> batchSizes, int warmBacklogs,
                              int eventsPerCorrelation) throws Exception {
        if (events < 1 || rounds < 1 || batchSizes.isEmpty() || warmBacklogs < 0 || eventsPerCorrelation < 1) {
            throw new IllegalArgumentException("events, rounds and events per correlation must be positive, batch"
                    + " sizes given");
        }
        if (traffic != Traffic.ACTIONS && eventsPerCorrelation != 1) {
            throw new IllegalArgumentException("events per correlation id apply to the agent actions only; the"
                    + " simulated traces share their own");
        }
        Path jar = Workspace.serviceJar("audit-logger-service");
        Path logs = Files.createTempDirectory("agentobs-bench-audit");
        Path blobs = Files.createTempDirectory("agentobs-bench-s3");
        AtomicReference<ServiceProcess> service = new AtomicReference<>();
        try (EmbeddedKafkaServer kafka = new EmbeddedKafkaServer(KafkaOptions.randomPort());
             EmbeddedS3Server s3 = new EmbeddedS3Server(S3Options.randomPort().withDataDirectory(blobs))) {
            kafka.start();
            s3.start();
            try (BacklogLoader loader = new BacklogLoader(kafka.bootstrapServers(), traffic.topics(),
                    eventsPerCorrelation);
                 Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                         kafka.bootstrapServers()));
                 ProcessCpu cpu = ProcessCpu.withoutPostgres(
                         () -> Optional.ofNullable(service.get()).map(ServiceProcess::pid).orElse(0L))) {
                loader.createTopics();
                AuditBacklog bench = new AuditBacklog(traffic, s3, loader, admin, kafka.bootstrapServers(), jar, logs,
                        cpu, service);
                log("S3: " + s3.endpoint() + ", filesystem blob store in " + blobs);
                Map<String, String> extra = ServiceProcess.extraEnvironment();
                log("service: java -jar " + jar + " (logs in " + logs + ")"
                        + (extra.isEmpty() ? "" : ", with " + extra));
                List<AuditRun> runs = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    for (int batchSize : batchSizes) {
                        AuditRun run = bench.measure(round, batchSize, events, warmBacklogs, eventsPerCorrelation);
                        System.out.println();
                        System.out.println(run.format());
                        runs.add(run);
                    }
                }
                // the service logs stay behind only when a run failed
                Workspace.deleteRecursively(logs);
                return runs;
            }
        } finally {
            Workspace.deleteRecursively(blobs);
        }
    }

    private AuditRun measure(int round, int batchSize, int events, int warmBacklogs, int eventsPerCorrelation)
            throws Exception {
        String name = "r" + round + "-b" + batchSize;
        String group = "bench-audit-" + runId + "-" + name;
        String bucket = "bench-audit-" + runId + "-" + name;
        s3.createBucket(bucket);
        loader.emptyTopics();
        log("round " + round + ", BATCH_SIZE " + batchSize + ": producing a backlog of " + events + " events");
        Backlog first = produce(events);
        Measurement rawBefore = RawConsumerRun.run(bootstrap, traffic.topicNames(), first.size(),
                group + "-raw-before", DRAIN_TIMEOUT);
        List<ArchivedDrain> drains = new ArrayList<>();
        Set<String> archived = new HashSet<>();
        Optional<double[]> started;
        try (S3Archive archive = archive(bucket)) {
            log("starting the service, waiting for the commits of " + first.size() + " events");
            long start = System.nanoTime();
            try (ServiceProcess running = startService(group, bucket, batchSize, name)) {
                drains.add(drain("cold: service started, backlog waiting", first, group, start, running, null,
                        archive, archived));
                started = running.startedSeconds();
                for (int warm = 1; warm <= warmBacklogs; warm++) {
                    PrometheusText before = running.metrics();
                    log("warm " + warm + ": committing another backlog of " + events + " events");
                    Backlog next = produce(events);
                    drains.add(drain("warm " + warm + ": service running, backlog committed", next, group,
                            next.committedAt(), running, before, archive, archived));
                }
            } finally {
                service.set(null);
            }
        }
        Measurement rawAfter = RawConsumerRun.run(bootstrap, traffic.topicNames(), first.size(),
                group + "-raw-after", DRAIN_TIMEOUT);
        return new AuditRun(round, batchSize, compression(), traffic, eventsPerCorrelation, group, bucket, started,
                first, drains, rawBefore, rawAfter);
    }

    /** Commits the next backlog of the traffic: {@code events} agent actions, or whole traces up to at least that. */
    private Backlog produce(int events) throws Exception {
        return loader.produce(traffic, simulated, events);
    }

    /**
     * Waits until the group's committed offsets cover the backlog, then lists the objects created since the last
     * drain and checks they hold exactly its events.
     */
    private ArchivedDrain drain(String name, Backlog backlog, String group, long startNanos, ServiceProcess running,
                                PrometheusText metricsBefore, S3Archive archive, Set<String> archived)
            throws Exception {
        ServiceProgress progress = new ServiceProgress(running, metricsBefore, backlog.size(), startNanos,
                "agentobs_consumer_records_consumed_total", "agentobs_audit_records_archived_total",
                traffic.topicLabel(), PROGRESS_SCRAPE);
        DrainPhase<AuditMeters> phase = watch.await(name, backlog, startNanos, () -> {
            progress.check();
            return committedOffsets(group);
        }, running, after -> AuditMeters.between(metricsBefore, after, traffic.topicLabel()));
        progress.finish(phase.endNanos());
        ArchiveListing objects = ArchiveListing.of(archive, traffic.topicNames(), archived);
        objects.requireExactly(backlog);
        archived.addAll(objects.keys());
        return new ArchivedDrain(phase, backlog.ndjsonBytes(), objects, progress.readSeconds(),
                progress.storedSeconds(), TopicArchiveSize.of(traffic.topicNames(), backlog, objects));
    }

    /** The group's committed next offsets on the traffic's topics, by topic partition. */
    private Map<TopicPartition, Long> committedOffsets(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        List<String> topics = traffic.topicNames();
        Map<TopicPartition, Long> next = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null && topics.contains(partition.topic())) {
                next.put(partition, offset.offset());
            }
        });
        return next;
    }

    private ServiceProcess startService(String group, String bucket, int batchSize, String logName)
            throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BROKERS", bootstrap);
        env.put("KAFKA_GROUP_ID", group);
        env.put("KAFKA_TOPICS", String.join(",", traffic.topicNames()));
        env.put("BATCH_SIZE", Integer.toString(batchSize));
        env.put("S3_BUCKET", bucket);
        env.put("S3_ENDPOINT", s3.endpoint().toString());
        env.put("S3_PATH_STYLE", "true");
        env.put("S3_REGION", s3.region());
        env.put("AWS_ACCESS_KEY_ID", s3.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", s3.secretKey());
        env.put("AUDIT_IDLE_FLUSH", IDLE_FLUSH);
        env.putAll(ServiceProcess.extraEnvironment());
        ServiceProcess started = ServiceProcess.start(jar, env, logs.resolve("audit-logger-" + logName + ".log"));
        service.set(started);
        return started;
    }

    /** The bench's own view of the bucket, for listing and footers. */
    private S3Archive archive(String bucket) {
        S3Settings settings = new S3Settings(bucket, "", s3.endpoint(), s3.region(), true, s3.accessKey(),
                s3.secretKey(), S3Settings.ConditionalWrites.OFF);
        return new S3Archive(settings.newClient(), settings);
    }

    /** The Parquet codec the service is given: its default unless {@code -Dagentobs.bench.env.AUDIT_COMPRESSION}. */
    static String compression() {
        return ServiceProcess.extraEnvironment().getOrDefault("AUDIT_COMPRESSION", DEFAULT_COMPRESSION);
    }

    /** Every drain as one table, with the reference consumer and the targets. */
    static String summary(List<AuditRun> runs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-5s %6s %-6s %-7s %9s %8s %8s %8s %11s %8s %7s %5s %5s %11s%n",
                "round", "batch", "codec", "drain", "events/s", "read s", "in S3 s", "commit s", "service CPU",
                "objects", "bytes/", "A", "B", "raw ev/s"));
        for (AuditRun run : runs) {
            for (ArchivedDrain drain : run.drains()) {
                DrainPhase<AuditMeters> d = drain.drain();
                Double serviceCpu = d.cpu().seconds().get(ProcessCpu.Part.SERVICE_JVM);
                out.append(String.format(Locale.ROOT,
                        "%-5d %6d %-6s %-7s %,9.0f %8.2f %8.2f %8.2f %10.0f%% %8d %7.3f %5s %5s %,11.0f%n",
                        run.round(), run.batchSize(), run.compression(), d.name().substring(0, d.name().indexOf(':')),
                        d.perSecond(), drain.readSeconds(), drain.storedSeconds(), d.totalSeconds(),
                        100 * serviceCpu / d.cpu().wallSeconds(), drain.archive().objects().size(), drain.sizeRatio(),
                        d.perSecond() >= TARGET_EVENTS_PER_SECOND ? "met" : "no",
                        drain.sizeRatio() <= TARGET_SIZE_RATIO ? "met" : "no", run.rawSteadyPerSecond()));
            }
            run.afterStartupPerSecond(run.drains().get(0)).ifPresent(rate -> out.append(String.format(Locale.ROOT,
                    "      cold drain counted from Spring Boot's start (%.2f s into the process): %,.0f events/s%n",
                    run.serviceStarted().get()[1], rate)));
        }
        out.append(String.format(Locale.ROOT, "events/s: events / seconds from the clock's start (cold: the service's"
                + " process start; warm: the backlog's commit) until the group's committed offsets covered every"
                + " event; A: target >= %,.0f events/s.%n", TARGET_EVENTS_PER_SECOND));
        out.append("read s / in S3 s / commit s: when the service's counters showed every event read and every event"
                + " in an object (scraped every 0.25 s), and when the offsets were committed.\n");
        out.append(String.format(Locale.ROOT, "bytes/: archive object bytes / bytes of the same events as NDJSON"
                + " (value + newline); B: target <= %.2f. service CPU: share of one core over the drain.%n",
                TARGET_SIZE_RATIO));
        out.append("raw ev/s: bare KafkaConsumer<byte[], byte[]> on the same backlog, first batch to last event, mean"
                + " of the runs before and after the service");
        runs.stream().map(AuditRun::trafficLine).distinct().forEach(line -> out.append('\n').append(line));
        return out.toString();
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
