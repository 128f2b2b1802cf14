package io.agentobs.metrics.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs late events in aggregate: at most one line per interval, with the count per topic since the last line. */
public final class LateEventLog {

    private static final Logger log = LoggerFactory.getLogger(LateEventLog.class);

    private final Duration interval;
    private final Clock clock;
    private final String lateKey;
    private final Map<String, Long> pending = new TreeMap<>();
    private long since;

    public LateEventLog(Duration interval, Clock clock, String lateKey) {
        this.interval = interval;
        this.clock = clock;
        this.lateKey = lateKey;
        this.since = clock.millis();
    }

    /** Adds the late events of an applied batch and logs the line when the interval is over. */
    public synchronized void record(Map<String, Long> lateByTopic) {
        lateByTopic.forEach((topic, count) -> pending.merge(topic, count, Long::sum));
        long now = clock.millis();
        if (now - since < interval.toMillis()) {
            return;
        }
        if (!pending.isEmpty()) {
            long total = pending.values().stream().mapToLong(Long::longValue).sum();
            log.warn("{} late events in the last {} s beyond the grace period, counted only in {}: {}", total,
                    (now - since) / 1000, lateKey, pending);
            pending.clear();
        }
        since = now;
    }
}
