package io.agentobs.metrics.monitoring;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The aggregator's own meters ({@code agentobs_metrics_*}), next to the shared consumer ones: events aggregated and
 * late per topic, Lua script calls and their time, re-aggregations after a conflict, keys written per batch.
 */
public class AggregatorMetrics {

    private final MeterRegistry registry;
    private final Timer scriptCalls;
    private final Counter reaggregations;
    private final DistributionSummary keysPerBatch;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** Registers the meters, the per-topic ones at zero for every topic. */
    public AggregatorMetrics(MeterRegistry registry, Collection<String> topics) {
        this.registry = registry;
        topics.forEach(topic -> {
            aggregated(topic, 0);
            late(topic, 0);
        });
        this.scriptCalls = Timer.builder("agentobs.metrics.script.calls")
                .description("Lua script calls that apply a batch, and their time")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.reaggregations = Counter.builder("agentobs.metrics.reaggregations")
                .description("Partitions of a batch aggregated again because Redis already held some of their records")
                .register(registry);
        this.keysPerBatch = DistributionSummary.builder("agentobs.metrics.batch.keys")
                .description("Redis keys written per batch")
                .register(registry);
    }

    public void scriptCalled(long nanos) {
        scriptCalls.record(Duration.ofNanos(nanos));
    }

    public void reaggregated(int partitions) {
        reaggregations.increment(partitions);
    }

    public void keysWritten(int keys) {
        keysPerBatch.record(keys);
    }

    /** Events counted into their windows. */
    public void aggregated(String topic, long events) {
        count("agentobs.metrics.events.aggregated", "Events counted into their windows", topic, events);
    }

    /** Events too late for their window, counted only in the late counter. */
    public void late(String topic, long events) {
        count("agentobs.metrics.events.late", "Events beyond the grace period, counted only as late", topic, events);
    }

    private void count(String name, String description, String topic, long events) {
        counters.computeIfAbsent(name + '|' + topic, key -> Counter.builder(name)
                .description(description)
                .tag("topic", topic)
                .register(registry)).increment(events);
    }
}
