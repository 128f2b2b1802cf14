package io.agentobs.consumer.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.agentobs.consumer.EventSink;
import io.agentobs.consumer.logging.BadRecordLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the periodic work that must happen whether or not records flow: the Kafka check, the sink probes and the
 * bad-record summary. Started before the listeners and stopped after them.
 *
 * <p>Each task catches everything, so one failure cannot cancel its schedule; sink probes run on their own thread
 * with a timeout, so a hung connection attempt is reported as a failed probe instead of stalling the Kafka check.
 */
public class BackgroundChecks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundChecks.class);

    private final KafkaMonitor kafkaMonitor;
    private final List<EventSink> sinks;
    private final SinkHealth sinkHealth;
    private final BadRecordLog badRecordLog;
    private final Duration healthInterval;
    private final Duration badRecordInterval;
    private final Duration probeTimeout;
    private ScheduledExecutorService scheduler;
    private ExecutorService prober;

    public BackgroundChecks(KafkaMonitor kafkaMonitor, List<EventSink> sinks, SinkHealth sinkHealth, BadRecordLog badRecordLog,
                            Duration healthInterval, Duration badRecordInterval, Duration probeTimeout) {
        this.kafkaMonitor = kafkaMonitor;
        this.sinks = List.copyOf(sinks);
        this.sinkHealth = sinkHealth;
        this.badRecordLog = badRecordLog;
        this.healthInterval = healthInterval;
        this.badRecordInterval = badRecordInterval;
        this.probeTimeout = probeTimeout;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newScheduledThreadPool(2, daemon("agentobs-health"));
        prober = Executors.newSingleThreadExecutor(daemon("agentobs-sink-probe"));
        scheduler.scheduleWithFixedDelay(guarded("Kafka check", kafkaMonitor::check), 0, healthInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded("sink probe", this::probeSinks), 0, healthInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded("bad-record summary", badRecordLog::flush), badRecordInterval.toMillis(),
                badRecordInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probeSinks() {
        if (sinks.isEmpty()) {
            return;
        }
        Future<?> probe = prober.submit(() -> {
            for (EventSink sink : sinks) {
                sink.probe();
            }
            return null;
        });
        try {
            probe.get(probeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            sinkHealth.probeSucceeded();
        } catch (ExecutionException e) {
            probeFailed(e.getCause());
        } catch (TimeoutException e) {
            probe.cancel(true);
            probeFailed(new TimeoutException("sink probe did not answer within " + probeTimeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void probeFailed(Throwable cause) {
        if (sinkHealth.probes().healthy()) {
            log.warn("Sink probe failed: {}", ErrorDescriptions.describe(cause));
        }
        sinkHealth.probeFailed(cause);
    }

    private static Runnable guarded(String name, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) { // NOPMD - a scheduled task that throws is silently never run again
                log.error("Background {} failed; it runs again at the next interval", name, t);
            }
        };
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            prober.shutdownNow();
            scheduler = null;
            prober = null;
        }
        badRecordLog.flush();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Starts before and stops after the listener containers, which run in the default phase. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
