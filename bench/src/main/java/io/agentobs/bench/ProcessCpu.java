package io.agentobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Where the CPU goes while a benchmark runs, from Linux's {@code /proc}: the service JVM, PostgreSQL's backends of
 * the service and of the benchmark, PostgreSQL's background processes (WAL writer, checkpointer, autovacuum…) when
 * there is a PostgreSQL server, the Redis server and its snapshot children when there is one, the benchmark JVM
 * (which also runs the Kafka broker and, for the audit logger, the S3 server), and the whole machine, busy and
 * waiting for I/O.
 *
 * <p>A thread samples every 100 ms and keeps each process's last figure, so processes that exit between two
 * {@link #snapshot()}s (an autovacuum worker, a Redis snapshot child, say) still count.
 */
final class ProcessCpu implements AutoCloseable {

    /** Who used the CPU. */
    enum Part {
        SERVICE_JVM("service JVM"),
        PG_SERVICE("PostgreSQL backends of the service"),
        PG_BENCH("PostgreSQL backends of the benchmark (progress, retention deletes)"),
        PG_BACKGROUND("PostgreSQL background (WAL writer, checkpointer, autovacuum…)"),
        REDIS("Redis server (and its snapshot children)"),
        BENCH_JVM("benchmark JVM (Kafka broker, S3 server if any, producer, progress polling)");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        boolean postgres() {
            return this == PG_SERVICE || this == PG_BENCH || this == PG_BACKGROUND;
        }
    }

    private static final long SAMPLE_MILLIS = 100;
    private static final int THREADS_SHOWN = 6;
    private static final Path PROC = Path.of("/proc");

    private final long ticksPerSecond;
    private final long postmasterPid;
    private final Set<Long> benchBackends;
    private final long redisPid;
    private final LongSupplier servicePid;
    private final long benchPid = ProcessHandle.current().pid();
    /** pid:start time → last CPU ticks seen and what the process is. */
    private final Map<String, Sample> seen = new HashMap<>();
    private final ScheduledExecutorService sampler;

    /**
     * Samples the given PostgreSQL server (postmaster pid 0: none) and the service whose pid {@code servicePid} gives
     * (0: none running).
     */
    ProcessCpu(long postmasterPid, Set<Long> benchBackends, LongSupplier servicePid) {
        this(postmasterPid, benchBackends, 0, servicePid);
    }

    private ProcessCpu(long postmasterPid, Set<Long> benchBackends, long redisPid, LongSupplier servicePid) {
        this.ticksPerSecond = clockTicks();
        this.postmasterPid = postmasterPid;
        this.benchBackends = benchBackends;
        this.redisPid = redisPid;
        this.servicePid = servicePid;
        this.sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench-cpu-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Samples a service and this JVM, with no PostgreSQL server. */
    static ProcessCpu withoutPostgres(LongSupplier servicePid) {
        return new ProcessCpu(0, Set.of(), servicePid);
    }

    /** Samples a service, this JVM and a Redis server with the processes it forks (snapshots), no PostgreSQL. */
    static ProcessCpu withRedis(long redisPid, LongSupplier servicePid) {
        return new ProcessCpu(0, Set.of(), redisPid, servicePid);
    }

    /** The CPU used so far, per part and machine-wide, sampled now. */
    synchronized Snapshot snapshot() {
        sample();
        Map<Part, Long> ticks = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            ticks.put(part, 0L);
        }
        seen.values().forEach(s -> ticks.merge(s.part, s.ticks, Long::sum));
        long[] machine = machineTicks();
        long service = servicePid.getAsLong();
        return new Snapshot(System.nanoTime(), ticks, machine[0], machine[1], machine[2],
                service > 0 ? threadTicks(service) : Map.of());
    }

    /** CPU used between two snapshots. */
    Usage between(Snapshot from, Snapshot to) {
        Map<Part, Double> seconds = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            if ((postmasterPid != 0 || !part.postgres()) && (redisPid != 0 || part != Part.REDIS)) {
                seconds.put(part, (to.ticks.get(part) - from.ticks.get(part)) / (double) ticksPerSecond);
            }
        }
        double wall = (to.nanos - from.nanos) / 1e9;
        long total = (to.busy - from.busy) + (to.idle - from.idle) + (to.iowait - from.iowait);
        Map<String, Double> threads = new HashMap<>();
        to.serviceThreads.forEach((name, ticks) -> {
            double used = (ticks - from.serviceThreads.getOrDefault(name, 0L)) / (double) ticksPerSecond;
            if (used > 0) {
                threads.put(name, used);
            }
        });
        return new Usage(wall, seconds, total == 0 ? 0 : (to.busy - from.busy) / (double) total,
                total == 0 ? 0 : (to.iowait - from.iowait) / (double) total, Runtime.getRuntime().availableProcessors(),
                threads);
    }

    /**
     * CPU ticks of a JVM's threads by kind: Linux knows each thread by the first 15 characters of its Java name;
     * numbered threads of one kind (GC workers, compiler threads) are added up.
     */
    private static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> threads = new HashMap<>();
        try (var tasks = Files.list(PROC.resolve(pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    byte[] bytes = readOrEmpty(task.resolve("stat"));
                    if (bytes.length == 0) {
                        return;
                    }
                    String line = new String(bytes, StandardCharsets.UTF_8);
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'))
                            .replaceAll("#?[0-9]+$", "").trim();
                    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    threads.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            // the process ended meanwhile
        }
        return threads;
    }

    private synchronized void sample() {
        try {
            record(benchPid, Part.BENCH_JVM);
            long service = servicePid.getAsLong();
            if (service > 0) {
                record(service, Part.SERVICE_JVM);
            }
            if (redisPid != 0) {
                record(redisPid, Part.REDIS);
                for (long child : children(redisPid)) {
                    record(child, Part.REDIS);
                }
            }
            if (postmasterPid != 0) {
                record(postmasterPid, Part.PG_BACKGROUND);
                for (long child : children(postmasterPid)) {
                    record(child, classify(child));
                }
            }
        } catch (IOException | RuntimeException e) {
            // A process that exits while being read: its last sample stands.
        }
    }

    private Part classify(long pid) throws IOException {
        if (benchBackends.contains(pid)) {
            return Part.PG_BENCH;
        }
        String title = new String(readOrEmpty(PROC.resolve(pid + "/cmdline")), StandardCharsets.UTF_8);
        // Background processes are titled "postgres: walwriter", "postgres: autovacuum worker"…; client backends
        // "postgres: <user> <database> <host>(<port>) <state>".
        return title.contains("(") ? Part.PG_SERVICE : Part.PG_BACKGROUND;
    }

    private void record(long pid, Part part) throws IOException {
        long[] stat = stat(pid);
        if (stat == null) {
            return;
        }
        // pids are reused: the start time tells processes apart
        Sample sample = seen.computeIfAbsent(pid + ":" + stat[2], key -> new Sample());
        sample.part = part;
        sample.ticks = stat[0];
    }

    /** utime + stime, ppid, start time of a process; null when it is gone. */
    private static long[] stat(long pid) throws IOException {
        byte[] bytes = readOrEmpty(PROC.resolve(pid + "/stat"));
        if (bytes.length == 0) {
            return null;
        }
        String line = new String(bytes, StandardCharsets.US_ASCII);
        // Fields after the parenthesised command name, from field 3 (state) on.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long.parseLong(fields[1]),
                Long.parseLong(fields[19])};
    }

    /** The parent of a process. */
    static long parentOf(long pid) {
        try {
            long[] stat = stat(pid);
            if (stat == null) {
                throw new IllegalStateException("no process " + pid);
            }
            return stat[1];
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
        }
    }

    private static long[] children(long pid) throws IOException {
        String list = new String(readOrEmpty(PROC.resolve(pid + "/task/" + pid + "/children")),
                StandardCharsets.US_ASCII).trim();
        if (list.isEmpty()) {
            return new long[0];
        }
        String[] pids = list.split(" ");
        long[] children = new long[pids.length];
        for (int i = 0; i < pids.length; i++) {
            children[i] = Long.parseLong(pids[i]);
        }
        return children;
    }

    /** Busy, idle and iowait ticks of all CPUs, from the first line of /proc/stat. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return new long[] {busy, Long.parseLong(f[4]), Long.parseLong(f[5])};
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
    }

    private static byte[] readOrEmpty(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    /** The last figures of one process. */
    private static final class Sample {
        private Part part;
        private long ticks;
    }

    /** Cumulative CPU ticks at one moment, and of the service JVM's threads by kind. */
    record Snapshot(long nanos, Map<Part, Long> ticks, long busy, long idle, long iowait,
                    Map<String, Long> serviceThreads) {
    }

    /**
     * CPU used over an interval.
     *
     * @param wallSeconds    length of the interval
     * @param seconds        CPU seconds per part
     * @param machineBusy    share of all CPUs' time spent busy (user, system, irq, steal)
     * @param machineIowait  share spent idle with I/O outstanding
     * @param cores          CPUs of the machine
     * @param serviceThreads CPU seconds of the service JVM's threads by kind
     */
    record Usage(double wallSeconds, Map<Part, Double> seconds, double machineBusy, double machineIowait, int cores,
                 Map<String, Double> serviceThreads) {

        /** One line per part: CPU seconds and share of one core, then the machine. */
        String format(String indent) {
            StringBuilder out = new StringBuilder();
            seconds.forEach((part, s) -> out.append(String.format(Locale.ROOT, "%s%-62s %6.2f s = %4.0f %% of a core%n",
                    indent, part.label(), s, 100 * s / wallSeconds)));
            out.append(String.format(Locale.ROOT, "%smachine (%d cores) over %.2f s: busy %.0f %% of all cores,"
                    + " iowait %.0f %%", indent, cores, wallSeconds, 100 * machineBusy, 100 * machineIowait));
            if (!serviceThreads.isEmpty()) {
                out.append(String.format(Locale.ROOT, "%n%sservice JVM by thread:", indent));
                serviceThreads.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .limit(THREADS_SHOWN)
                        .forEach(t -> out.append(String.format(Locale.ROOT, " %s %.2f s;", t.getKey(), t.getValue())));
            }
            return out.toString();
        }
    }
}
