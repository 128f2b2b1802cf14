package io.agentobs.consumer.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.agentobs.consumer.EventSink;
import io.agentobs.consumer.logging.BadRecordLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the periodic work that must happen whether or not records flow: the Kafka check, the sink probes and the
 * bad-record summary. One daemon thread; started before the listeners and stopped after them.
 */
public class BackgroundChecks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundChecks.class);

    private final KafkaMonitor kafkaMonitor;
    private final List<EventSink> sinks;
    private final SinkHealth sinkHealth;
    private final BadRecordLog badRecordLog;
    private final Duration healthInterval;
    private final Duration badRecordInterval;
    private ScheduledExecutorService executor;

    public BackgroundChecks(KafkaMonitor kafkaMonitor, List<EventSink> sinks, SinkHealth sinkHealth,
                            BadRecordLog badRecordLog, Duration healthInterval, Duration badRecordInterval) {
        this.kafkaMonitor = kafkaMonitor;
        this.sinks = List.copyOf(sinks);
        this.sinkHealth = sinkHealth;
        this.badRecordLog = badRecordLog;
        this.healthInterval = healthInterval;
        this.badRecordInterval = badRecordInterval;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "agentobs-health");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runChecks, 0, healthInterval.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(badRecordLog::flush, badRecordInterval.toMillis(), badRecordInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void runChecks() {
        kafkaMonitor.check();
        probeSinks();
    }

    private void probeSinks() {
        if (sinks.isEmpty()) {
            return;
        }
        try {
            for (EventSink sink : sinks) {
                sink.probe();
            }
            sinkHealth.probeSucceeded();
        } catch (Exception e) {
            if (sinkHealth.probes().healthy()) {
                log.warn("Sink probe failed: {}", ErrorDescriptions.describe(e));
            }
            sinkHealth.probeFailed(e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        badRecordLog.flush();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Starts before and stops after the listener containers, which run in the default phase. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
