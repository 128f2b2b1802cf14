package io.agentobs.cli.simulate;

import io.agentobs.cli.CliContext;
import io.agentobs.cli.DurationText;
import io.agentobs.cli.ExitCodes;
import io.agentobs.cli.ResultPrinter;
import io.agentobs.cli.UsageException;
import io.agentobs.cli.kafka.EventProducer;
import io.agentobs.cli.kafka.ProducerSettings;
import io.agentobs.cli.progress.Terminal;
import io.agentobs.cli.send.BulkDelivery;
import io.agentobs.cli.send.Delivery;
import io.agentobs.cli.send.OutgoingEvent;
import io.agentobs.cli.spool.DrainResult;
import io.agentobs.cli.spool.Spool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code agentobs simulate --rate R --duration D}: realistic synthetic agent traffic across all eight topics
 * (correlated traces from {@link TrafficGenerator}), paced to a rate, with a progress bar on stderr and a summary on
 * stdout. How a newcomer gets data flowing, and what the benchmarks publish.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish realistic synthetic agent traffic to all eight topics: traces of a routing decision, "
                + "router metrics, transformations, actions, a task execution, code quality metrics and "
                + "occasional failure and success patterns, sharing a correlation_id.",
                "Stops after --duration or --events, whichever comes first; Ctrl-C stops early and still reports."})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "50", paramLabel = "<events/s>",
            description = "Events per second across all topics; 0 sends as fast as Kafka takes them. "
                    + "Default ${DEFAULT-VALUE}.")
    private double rate;

    @Option(names = "--duration", defaultValue = "60s", paramLabel = "<time>",
            description = "How long to run: 500ms, 30s, 5m, 1h or ISO-8601 (PT30S). Default ${DEFAULT-VALUE}.")
    private String duration;

    @Option(names = "--events", paramLabel = "<n>", description = "Stop after this many events.")
    private Long maxEvents;

    @Option(names = "--seed", paramLabel = "<n>", description = "Random seed, for repeatable traffic.")
    private Long seed;

    @Option(names = "--no-progress", description = "No progress bar on stderr.")
    private boolean noProgress;

    private final CliContext context;
    private volatile boolean stopRequested;

    public SimulateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new UsageException("--rate must be 0 or a positive number of events per second, got " + rate);
        }
        if (maxEvents != null && maxEvents < 1) {
            throw new UsageException("--events must be at least 1, got " + maxEvents);
        }
        Duration runFor = parseDuration(duration);
        ProducerSettings settings = ProducerSettings.fromEnvironment(context.env());
        long usedSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        TrafficGenerator generator = new TrafficGenerator(usedSeed, context.clock());
        Map<String, Long> byTopic = new TreeMap<>();
        Thread stopper = new Thread(() -> stopRequested = true, "agentobs-simulate-stop");
        boolean hooked = registerStopHook(stopper);
        long generated = 0;
        long start = System.nanoTime();
        long deadline = start + runFor.toNanos();
        BulkDelivery.Summary summary;
        DrainResult drained;
        try (Delivery delivery = new Delivery(new EventProducer(settings, true),
                new Spool(settings.spoolDirectory()), context.clock());
             ProgressReporter progress = new ProgressReporter(context.err(),
                     !noProgress && Terminal.interactive(context),
                     maxEvents != null ? maxEvents : rate > 0 ? (long) (rate * runFor.toMillis() / 1000.0) : -1,
                     runFor, context.clock())) {
            drained = settings.enabled() ? delivery.drainSpool() : new DrainResult(0, 0, 0, null);
            BulkDelivery bulk = new BulkDelivery(delivery);
            if (!drained.complete()) {
                bulk.spoolEverything();
            }
            run:
            while (!stopRequested) {
                for (GeneratedEvent event : generator.nextTrace()) {
                    long now = System.nanoTime();
                    if (now - deadline >= 0 || (maxEvents != null && generated >= maxEvents) || stopRequested) {
                        break run;
                    }
                    if (rate > 0) {
                        long due = start + (long) (generated * 1e9 / rate);
                        if (due - now > 0) {
                            LockSupport.parkNanos(Math.min(due - now, deadline - now));
                            if (System.nanoTime() - deadline >= 0) {
                                break run;
                            }
                        }
                    }
                    if (settings.enabled()) {
                        bulk.submit(new OutgoingEvent(event.topic().topicName(), event.key(), event.value(), null));
                    }
                    generated++;
                    byTopic.merge(event.topic().topicName(), 1L, Long::sum);
                    if ((generated & 0xFF) == 0) {
                        progress.update(bulk.sent(), bulk.notSent());
                    }
                }
            }
            summary = bulk.finish();
            progress.update(summary.sent(), summary.spooled() + summary.failed());
        } finally {
            if (hooked) {
                unregisterStopHook(stopper);
            }
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", summary.failed() == 0);
        if (!settings.enabled()) {
            result.put("message", "Kafka logging disabled (KAFKA_ENABLE_LOGGING=false)");
        }
        result.put("events", generated);
        result.put("sent", summary.sent());
        result.put("spooled", summary.spooled());
        result.put("failed", summary.failed());
        if (drained.sent() > 0) {
            result.put("drained", drained.sent());
        }
        result.put("elapsed_ms", Math.round(seconds * 1000));
        result.put("events_per_second", Math.round(summary.sent() / seconds));
        result.put("seed", usedSeed);
        result.put("by_topic", byTopic);
        if (summary.firstFailure() != null) {
            result.put("first_failure", summary.firstFailure());
        }
        ResultPrinter.print(context.out(), result);
        return summary.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}, or ISO-8601 ({@code PT30S}). */
    static Duration parseDuration(String text) throws UsageException {
        Duration parsed;
        try {
            parsed = DurationText.parse(text);
        } catch (IllegalArgumentException malformed) {
            throw new UsageException("--duration must look like 500ms, 30s, 5m, 1h or PT30S, got '" + text + "'");
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new UsageException("--duration must be positive, got '" + text + "'");
        }
        return parsed;
    }

    private static boolean registerStopHook(Thread stopper) {
        try {
            Runtime.getRuntime().addShutdownHook(stopper);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    private static void unregisterStopHook(Thread stopper) {
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook has run or will run, which is harmless.
        }
    }
}
