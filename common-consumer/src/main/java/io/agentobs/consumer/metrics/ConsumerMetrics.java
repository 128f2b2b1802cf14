package io.agentobs.consumer.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts what a consumer does, once, for both Prometheus ({@code agentobs_consumer_*}) and seed 000's
 * {@code /metrics} JSON.
 *
 * <p>Meters: {@code agentobs.consumer.records.consumed|processed|failed|dead.lettered} by topic (failed also by
 * error class), {@code agentobs.consumer.batch.duration} (histogram), {@code agentobs.consumer.batch.size},
 * {@code agentobs.consumer.retry.attempts} by exception. The common tags {@code service} and {@code group} are added
 * to every meter by the registry customizer.
 */
public class ConsumerMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Instant startedAt;
    private final Timer batchTimer;
    private final DistributionSummary batchSize;

    private final LongAdder consumed = new LongAdder();
    private final LongAdder inserted = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchNanos = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final AtomicReference<Instant> lastCommit = new AtomicReference<>();

    public ConsumerMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.batchTimer = Timer.builder("agentobs.consumer.batch.duration")
                .description("Time to validate a batch, write it to the sink and dead-letter its bad records")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
        this.batchSize = DistributionSummary.builder("agentobs.consumer.batch.size")
                .description("Records per polled batch")
                .register(registry);
    }

    /** Records read from Kafka. */
    public void consumed(String topic, long count) {
        consumed.add(count);
        counter("agentobs.consumer.records.consumed", "Records read from Kafka", topic).increment(count);
    }

    /** Records the sink has stored. */
    public void processed(String topic, long count) {
        inserted.add(count);
        counter("agentobs.consumer.records.processed", "Records stored by the sink", topic).increment(count);
    }

    /** One record found to be bad data and sent to its dead-letter topic. */
    public void deadLettered(String topic, String errorClass) {
        failed.increment();
        Counter.builder("agentobs.consumer.records.failed")
                .description("Records rejected as bad data, by error class")
                .tag("topic", topic)
                .tag("error_class", errorClass)
                .register(registry)
                .increment();
        counter("agentobs.consumer.records.dead.lettered", "Records published to a dead-letter topic", topic).increment();
    }

    /** A batch finished successfully and will be committed now. */
    public void batchCompleted(long elapsedNanos, int records) {
        batches.increment();
        batchNanos.add(elapsedNanos);
        batchTimer.record(elapsedNanos, TimeUnit.NANOSECONDS);
        batchSize.record(records);
        lastCommit.set(clock.instant());
    }

    /** A batch failed transiently and will be retried. */
    public void retryAttempt(Throwable cause) {
        retries.increment();
        Counter.builder("agentobs.consumer.retry.attempts")
                .description("Batch deliveries that failed transiently and are retried")
                .tag("exception", cause == null ? "unknown" : cause.getClass().getSimpleName())
                .register(registry)
                .increment();
    }

    /** Seed 000's {@code /metrics} view of the counters. */
    public ConsumerStats snapshot() {
        Instant now = clock.instant();
        double uptime = Duration.between(startedAt, now).toMillis() / 1000.0;
        long batchCount = batches.sum();
        long consumedCount = consumed.sum();
        return new ConsumerStats(
                uptime,
                consumedCount,
                inserted.sum(),
                failed.sum(),
                batchCount,
                batchCount == 0 ? 0.0 : batchNanos.sum() / 1_000_000.0 / batchCount,
                uptime <= 0 ? 0.0 : consumedCount / uptime,
                lastCommit.get(),
                retries.sum());
    }

    private Counter counter(String name, String description, String topic) {
        return Counter.builder(name).description(description).tag("topic", topic).register(registry);
    }
}
