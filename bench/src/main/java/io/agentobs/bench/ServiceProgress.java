package io.agentobs.bench;

import java.io.IOException;
import java.time.Duration;

import static io.agentobs.bench.PrometheusText.delta;

/**
 * When, by its own counters, a buffering service had read every event of a backlog and when it had stored all of
 * them, ahead of the commits that follow: scrapes {@code /actuator/prometheus} at most every {@code interval}, so
 * the moments are known to within that interval (or a little more when a scrape is slow).
 */
final class ServiceProgress {

    private final ServiceProcess service;
    private final PrometheusText before;
    private final long events;
    private final long startNanos;
    private final String readCounter;
    private final String storedCounter;
    private final String labels;
    private final long intervalNanos;
    private long lastScrape;
    private long readAt;
    private long storedAt;

    /**
     * @param before        the scrape taken before the backlog (null: counters start at zero)
     * @param readCounter   the counter of records read, e.g. {@code agentobs_consumer_records_consumed_total}
     * @param storedCounter the counter of records stored, e.g. {@code agentobs_audit_records_archived_total}
     * @param labels        label filter of both, e.g. {@code topic="agent-actions"}
     */
    ServiceProgress(ServiceProcess service, PrometheusText before, long events, long startNanos, String readCounter,
                    String storedCounter, String labels, Duration interval) {
        this.service = service;
        this.before = before;
        this.events = events;
        this.startNanos = startNanos;
        this.readCounter = readCounter;
        this.storedCounter = storedCounter;
        this.labels = labels;
        this.intervalNanos = interval.toNanos();
    }

    /** Scrapes if the interval has passed and both moments are not known yet; a service not up yet is skipped. */
    void check() throws InterruptedException {
        long now = System.nanoTime();
        if (storedAt != 0 || now - lastScrape < intervalNanos) {
            return;
        }
        lastScrape = now;
        PrometheusText metrics;
        try {
            metrics = service.metrics();
        } catch (IOException e) {
            return; // starting: actuator not listening yet
        }
        if (readAt == 0 && delta(before, metrics, readCounter, labels) >= events) {
            readAt = now;
        }
        if (delta(before, metrics, storedCounter, labels) >= events) {
            storedAt = now;
        }
    }

    /**
     * The drain ended at {@code endNanos} (every offset committed): what no scrape caught before is dated then, an
     * upper bound, since the service commits only what it has read and stored.
     */
    void finish(long endNanos) {
        if (readAt == 0) {
            readAt = endNanos;
        }
        if (storedAt == 0) {
            storedAt = endNanos;
        }
    }

    /** Seconds from the clock's start until every event had been read. */
    double readSeconds() {
        return (readAt - startNanos) / 1e9;
    }

    /** Seconds from the clock's start until every event had been stored. */
    double storedSeconds() {
        return (storedAt - startNanos) / 1e9;
    }
}
