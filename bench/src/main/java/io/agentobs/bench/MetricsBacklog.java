package io.agentobs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.agentobs.infra.EmbeddedKafkaServer;
import io.agentobs.infra.KafkaOptions;

/**
 * Kafka backlog into Redis: how fast metrics-aggregator-service aggregates a backlog of agent-actions events (or of
 * simulated traces over every topic) into its Redis windows with the exactly-once updates, counted until the offsets
 * its Lua script stores in Redis with the deltas ({@code agentobs:offsets:<group>}) cover every event, against a bare
 * Kafka consumer reading the same backlog in the same run.
 *
 * <p>Usage: {@code MetricsBacklog [events [rounds [batchSize…]]]} (default 500000 events, 1 round, the service's
 * own BATCH_SIZE). Starts embedded Kafka and an embedded Redis (its own process). Then per round and batch size:
 * <ol>
 *   <li>empties Redis, puts a backlog of {@code events} new events into {@code agent-actions} (12 partitions) in one
 *       transaction, and reads it with a bare {@code KafkaConsumer<byte[], byte[]>} that only counts (reference);
 *   <li>starts the service as a child process ({@code java -jar}, fresh group) and waits until the offsets stored in
 *       Redis cover every event of the backlog (cold drain); then checks that Redis counts every event sent: the
 *       per-topic counts of all 1-hour windows plus the late counter equal the events sent so far;
 *   <li>commits another backlog while the service runs, and waits and checks again (warm drains;
 *       {@code -Dagentobs.bench.warm-backlogs}, default 2, because the JIT compiler is still busy in the first);
 *   <li>stops the service and runs the reference again.
 * </ol>
 * {@code -Dagentobs.bench.env.NAME=value} passes one more environment variable to the service
 * ({@code AGENTOBS_CONSUMER_CONCURRENCY=1}, {@code JAVA_TOOL_OPTIONS=-XX:StartFlightRecording=…}, say).
 * {@code -Dagentobs.bench.traffic=simulate} replaces the agent actions with {@code agentobs simulate}'s traces over
 * the eight topics ({@link SimulatedTraffic}), as in {@link AuditBacklog}.
 */
public final class MetricsBacklog {

    /** The performance target: events aggregated per second with the exactly-once updates. */
    static final double TARGET_EVENTS_PER_SECOND = 100_000;
    /** The service's key prefix (its default). */
    static final String PREFIX = "agentobs:";
    private static final int DEFAULT_EVENTS = 500_000;
    private static final int DEFAULT_WARM_BACKLOGS = 2;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration PROGRESS_SCRAPE = Duration.ofMillis(250);

    private final Traffic traffic;
    private final BenchRedis redis;
    private final BacklogLoader loader;
    private final String bootstrap;
    private final Path jar;
    private final Path logs;
    private final DrainWatch watch;
    private final AtomicReference<ServiceProcess> service;
    private final SimulatedTraffic simulated = new SimulatedTraffic();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private MetricsBacklog(Traffic traffic, BenchRedis redis, BacklogLoader loader, String bootstrap, Path jar,
                           Path logs, ProcessCpu cpu, AtomicReference<ServiceProcess> service) {
        this.traffic = traffic;
        this.redis = redis;
        this.loader = loader;
        this.bootstrap = bootstrap;
        this.jar = jar;
        this.logs = logs;
        this.watch = new DrainWatch(cpu, DrainWatch.CpuWindow.WHOLE_DRAIN, DRAIN_TIMEOUT, POLL);
        this.service = service;
    }

    public static void main(String[] args) throws Exception {
        BacklogArgs a = BacklogArgs.parse(args, DEFAULT_EVENTS, List.of(0), DEFAULT_WARM_BACKLOGS);
        List<MetricsRun> runs = run(Traffic.fromSystemProperty(), a.events(), a.rounds(), a.batchSizes(),
                a.warmBacklogs());
        System.out.println();
        System.out.println(summary(runs));
        // The embedded broker's leftover non-daemon threads must not keep the JVM alive.
        System.exit(0);
    }

    /**
     * Runs every round and batch size (0: the service's default); prints each run's figures as it ends. Fails when
     * Redis does not count exactly the events sent.
     */
    static List<MetricsRun> run(Traffic traffic, int events, int rounds, List<Integer> batchSizes, int warmBacklogs)
            throws Exception {
        if (events < 1 || rounds < 1 || batchSizes.isEmpty() || warmBacklogs < 0) {
            throw new IllegalArgumentException("events and rounds must be positive, batch sizes given");
        }
        Path jar = Workspace.serviceJar("metrics-aggregator-service");
        Path logs = Files.createTempDirectory("agentobs-bench-metrics");
        AtomicReference<ServiceProcess> service = new AtomicReference<>();
        try (EmbeddedKafkaServer kafka = new EmbeddedKafkaServer(KafkaOptions.randomPort());
             BenchRedis redis = BenchRedis.start()) {
            kafka.start();
            try (BacklogLoader loader = new BacklogLoader(kafka.bootstrapServers(), traffic.topics(), 1);
                 ProcessCpu cpu = ProcessCpu.withRedis(redis.pid(),
                         () -> Optional.ofNullable(service.get()).map(ServiceProcess::pid).orElse(0L))) {
                loader.createTopics();
                MetricsBacklog bench = new MetricsBacklog(traffic, redis, loader, kafka.bootstrapServers(), jar, logs,
                        cpu, service);
                log("Redis: redis-server pid " + redis.pid() + " on port " + redis.port());
                Map<String, String> extra = ServiceProcess.extraEnvironment();
                log("service: java -jar " + jar + " (logs in " + logs + ")"
                        + (extra.isEmpty() ? "" : ", with " + extra));
                List<MetricsRun> runs = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    for (int batchSize : batchSizes) {
                        MetricsRun run = bench.measure(round, batchSize, events, warmBacklogs);
                        System.out.println();
                        System.out.println(run.format());
                        runs.add(run);
                    }
                }
                // the service logs stay behind only when a run failed
                Workspace.deleteRecursively(logs);
                return runs;
            }
        }
    }

    private MetricsRun measure(int round, int batchSize, int events, int warmBacklogs) throws Exception {
        String name = "r" + round + "-b" + (batchSize == 0 ? "default" : batchSize);
        String group = "bench-metrics-" + runId + "-" + name;
        redis.commands().flushdb();
        loader.emptyTopics();
        log("round " + round + ", BATCH_SIZE " + (batchSize == 0 ? "default" : batchSize) + ": producing a backlog of "
                + events + " events");
        Backlog first = loader.produce(traffic, simulated, events);
        Measurement rawBefore = RawConsumerRun.run(bootstrap, traffic.topicNames(), first.size(),
                group + "-raw-before", DRAIN_TIMEOUT);
        List<MetricsDrain> drains = new ArrayList<>();
        Optional<double[]> started;
        long sent = first.size();
        log("starting the service, waiting for the offsets of " + first.size() + " events in Redis");
        long start = System.nanoTime();
        try (ServiceProcess running = startService(group, batchSize, name)) {
            drains.add(drain("cold: service started, backlog waiting", first, sent, group, start, running, null));
            started = running.startedSeconds();
            for (int warm = 1; warm <= warmBacklogs; warm++) {
                PrometheusText before = running.metrics();
                log("warm " + warm + ": committing another backlog of " + events + " events");
                Backlog next = loader.produce(traffic, simulated, events);
                sent += next.size();
                drains.add(drain("warm " + warm + ": service running, backlog committed", next, sent, group,
                        next.committedAt(), running, before));
            }
        } finally {
            service.set(null);
        }
        Measurement rawAfter = RawConsumerRun.run(bootstrap, traffic.topicNames(), first.size(),
                group + "-raw-after", DRAIN_TIMEOUT);
        return new MetricsRun(round, batchSize, traffic, group, started, first, drains, rawBefore, rawAfter);
    }

    /** Waits until the offsets in Redis cover the backlog, then checks Redis counts every event sent so far. */
    private MetricsDrain drain(String name, Backlog backlog, long sentSoFar, String group, long startNanos,
                               ServiceProcess running, PrometheusText metricsBefore) throws Exception {
        ServiceProgress progress = new ServiceProgress(running, metricsBefore, backlog.size(), startNanos,
                "agentobs_consumer_records_consumed_total", "agentobs_metrics_events_aggregated_total",
                traffic.topicLabel(), PROGRESS_SCRAPE);
        DrainPhase<MetricsMeters> phase = watch.await(name, backlog, startNanos, () -> {
            progress.check();
            return redis.offsets(PREFIX, group);
        }, running, after -> MetricsMeters.between(metricsBefore, after, traffic.topicLabel()));
        progress.finish(phase.endNanos());
        return new MetricsDrain(phase, progress.readSeconds(), redis.totals(PREFIX), sentSoFar);
    }

    private ServiceProcess startService(String group, int batchSize, String logName) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BROKERS", bootstrap);
        env.put("KAFKA_GROUP_ID", group);
        env.put("KAFKA_TOPICS", String.join(",", traffic.topicNames()));
        if (batchSize > 0) {
            env.put("BATCH_SIZE", Integer.toString(batchSize));
        }
        env.put("REDIS_HOST", redis.host());
        env.put("REDIS_PORT", Integer.toString(redis.port()));
        env.putAll(ServiceProcess.extraEnvironment());
        ServiceProcess started = ServiceProcess.start(jar, env, logs.resolve("metrics-aggregator-" + logName + ".log"));
        service.set(started);
        return started;
    }

    /** Every drain as one table, with the reference consumer and the target. */
    static String summary(List<MetricsRun> runs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-5s %7s %-7s %9s %7s %8s %11s %9s %9s %8s %7s %6s %11s%n", "round",
                "batch", "drain", "events/s", "read s", "stored s", "service CPU", "Redis CPU", "calls", "script s",
                "again", "target", "raw ev/s"));
        for (MetricsRun run : runs) {
            for (MetricsDrain drain : run.drains()) {
                DrainPhase<MetricsMeters> d = drain.drain();
                double wall = d.cpu().wallSeconds();
                out.append(String.format(Locale.ROOT,
                        "%-5d %7s %-7s %,9.0f %7.2f %8.2f %10.0f%% %8.0f%% %,9.0f %8.2f %,7.0f %6s %,11.0f%n",
                        run.round(), run.batchLabel(), d.name().substring(0, d.name().indexOf(':')), d.perSecond(),
                        drain.readSeconds(), d.totalSeconds(),
                        100 * d.cpu().seconds().get(ProcessCpu.Part.SERVICE_JVM) / wall,
                        100 * d.cpu().seconds().get(ProcessCpu.Part.REDIS) / wall, d.meters().scriptCalls(),
                        d.meters().scriptSeconds(), d.meters().reaggregations(),
                        d.perSecond() >= TARGET_EVENTS_PER_SECOND ? "met" : "no", run.rawSteadyPerSecond()));
            }
            run.afterStartupPerSecond().ifPresent(rate -> out.append(String.format(Locale.ROOT,
                    "      cold drain counted from Spring Boot's start (%.2f s into the process): %,.0f events/s%n",
                    run.serviceStarted().get()[1], rate)));
        }
        out.append(String.format(Locale.ROOT, "events/s: events / seconds from the clock's start (cold: the service's"
                + " process start; warm: the backlog's commit) until the offsets stored in Redis covered every event;"
                + " target >= %,.0f events/s.%n", TARGET_EVENTS_PER_SECOND));
        out.append("read s / stored s: when the service's counter showed every event read (scraped every 0.25 s), and"
                + " when Redis held every offset. CPU: share of one core over the drain. calls / script s: Lua script"
                + " calls and the service's time in them; again: partitions aggregated again after a conflict.\n");
        out.append("Every drain checked: the 1-hour windows' per-topic counts plus the late counter in Redis equal the"
                + " events sent.\n");
        out.append("raw ev/s: bare KafkaConsumer<byte[], byte[]> on the same backlog, first batch to last event, mean"
                + " of the runs before and after the service");
        runs.stream().map(run -> run.traffic().wireName()).distinct()
                .forEach(name -> out.append("\ntraffic: ").append(name));
        return out.toString();
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
