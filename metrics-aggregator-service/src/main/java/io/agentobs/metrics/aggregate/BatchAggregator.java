package io.agentobs.metrics.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.events.ActionType;
import io.agentobs.events.AgentAction;
import io.agentobs.events.AgentEvent;
import io.agentobs.events.RouterPerformanceMetric;
import io.agentobs.events.RoutingDecision;
import io.agentobs.events.TaskExecution;
import io.agentobs.events.TransformationEvent;
import io.agentobs.metrics.histogram.LogLinearBuckets;
import io.agentobs.metrics.window.Resolution;
import io.agentobs.metrics.window.Windows;

import org.apache.kafka.common.TopicPartition;

/**
 * Aggregates one partition's events of a batch in Java into deltas per Redis key and field, so the Redis work of a
 * batch grows with the distinct keys it touches, not with its events. Events are taken in offset order: each one is
 * judged late against the partition's watermark as it was just before that event.
 *
 * <p>Errors and successes: an action is an error when its {@code action_type} is {@code error} and a success when it
 * is {@code success}; a task execution is a success or an error by its {@code success} field. Per agent both
 * actions and task executions count.
 */
public final class BatchAggregator {

    private static final BigDecimal CONFIDENCE_BUCKETS = BigDecimal.valueOf(20);
    private static final long QUALITY_SCALE = 1_000_000L;

    private final Windows windows;
    private final KeyLayout keys;

    public BatchAggregator(Windows windows, KeyLayout keys) {
        this.windows = windows;
        this.keys = keys;
    }

    /**
     * Aggregates the events of one partition.
     *
     * @param partition where the events come from
     * @param firstOffset the offset the deltas start at
     * @param nextOffset the offset after the last record they cover
     * @param watermarkBefore the partition's watermark before the first event (null: none yet)
     * @param events the partition's events from {@code firstOffset} on, in offset order
     */
    public PartitionDeltas aggregate(TopicPartition partition, long firstOffset, long nextOffset, Long watermarkBefore,
                                     List<? extends AgentEvent> events) {
        Accumulator acc = new Accumulator();
        Long watermark = watermarkBefore;
        Long newestRouting = null;
        for (AgentEvent event : events) {
            long time = event.timestamp().toEpochMilli();
            String topic = event.topic().topicName();
            if (windows.isLate(time, watermark)) {
                acc.hash(keys.late(), 0).increment(topic, 1);
                acc.late.merge(topic, 1L, Long::sum);
                continue;
            }
            watermark = watermark == null ? time : Math.max(watermark, time);
            acc.aggregated.merge(topic, 1L, Long::sum);
            if (event instanceof RoutingDecision) {
                newestRouting = newestRouting == null ? time : Math.max(newestRouting, time);
            }
            for (Resolution resolution : windows.resolutions()) {
                count(acc, new Window(resolution, resolution.windowStart(time)), event);
            }
        }
        return new PartitionDeltas(partition, firstOffset, nextOffset, watermarkBefore, watermark, newestRouting,
                acc.keys, acc.aggregated, acc.late);
    }

    private void count(Accumulator acc, Window w, AgentEvent event) {
        acc.hash(key(w, KeyLayout.EVENTS), w.ttl()).increment(event.topic().topicName(), 1);
        acc.hyperLogLog(key(w, KeyLayout.CORRELATIONS), w.ttl()).add(event.correlationId().toString());
        if (event instanceof AgentAction action) {
            countAction(acc, w, action);
        } else if (event instanceof TaskExecution task) {
            countTask(acc, w, task);
        } else if (event instanceof RoutingDecision routing) {
            int bucket = BigDecimal.valueOf(routing.confidenceScore()).multiply(CONFIDENCE_BUCKETS)
                    .setScale(0, RoundingMode.FLOOR).intValue();
            bucket = Math.max(0, Math.min(19, bucket));
            acc.hash(key(w, KeyLayout.CONFIDENCE), w.ttl()).increment(confidenceField(bucket), 1);
            histogram(acc, w, "routing_ms", routing.routingTimeMs());
        } else if (event instanceof RouterPerformanceMetric router) {
            histogram(acc, w, "router_ms", router.routingDurationMs());
            if (router.cacheHit() != null) {
                KeyDelta hash = acc.hash(key(w, KeyLayout.ROUTER), w.ttl());
                hash.increment("lookups", 1);
                if (router.cacheHit()) {
                    hash.increment("cache_hits", 1);
                }
            }
        } else if (event instanceof TransformationEvent transformation) {
            histogram(acc, w, "transformation_ms", transformation.transformationDurationMs());
        }
    }

    private void countAction(Accumulator acc, Window w, AgentAction action) {
        boolean error = action.actionType() == ActionType.ERROR;
        boolean success = action.actionType() == ActionType.SUCCESS;
        outcome(acc.hash(key(w, KeyLayout.ACTION_TYPES), w.ttl()), action.actionType().wireName(), error, success);
        agent(acc, w, action.agentName(), error, success);
        histogram(acc, w, "action_ms", action.durationMs());
    }

    private void countTask(Accumulator acc, Window w, TaskExecution task) {
        boolean success = Boolean.TRUE.equals(task.success());
        agent(acc, w, task.agentName(), !success, success);
        String domain = task.domain() == null ? "unknown" : task.domain();
        taskStats(acc.hash(key(w, KeyLayout.TASKS_BY_TYPE), w.ttl()), task.taskType(), task, success);
        taskStats(acc.hash(key(w, KeyLayout.TASKS_BY_DOMAIN), w.ttl()), domain, task, success);
        histogram(acc, w, "task_ms", task.totalDurationMs());
    }

    private static void taskStats(KeyDelta hash, String name, TaskExecution task, boolean success) {
        hash.increment("count:" + name, 1);
        if (success) {
            hash.increment("successes:" + name, 1);
        }
        if (task.qualityScore() != null) {
            hash.increment("quality_n:" + name, 1);
            hash.increment("quality_sum_micros:" + name, Math.round(task.qualityScore() * QUALITY_SCALE));
        }
    }

    private void agent(Accumulator acc, Window w, String agent, boolean error, boolean success) {
        outcome(acc.hash(key(w, KeyLayout.AGENTS), w.ttl()), agent, error, success);
        acc.sortedSet(key(w, KeyLayout.TOP_VOLUME), w.ttl()).increment(agent, 1);
        if (error) {
            acc.sortedSet(key(w, KeyLayout.TOP_ERRORS), w.ttl()).increment(agent, 1);
        }
    }

    private static void outcome(KeyDelta hash, String name, boolean error, boolean success) {
        hash.increment("count:" + name, 1);
        if (error) {
            hash.increment("errors:" + name, 1);
        }
        if (success) {
            hash.increment("successes:" + name, 1);
        }
    }

    private void histogram(Accumulator acc, Window w, String metric, Long value) {
        if (value != null) {
            acc.hash(key(w, KeyLayout.HISTOGRAM + metric), w.ttl())
                    .increment(Integer.toString(LogLinearBuckets.index(value)), 1);
        }
    }

    /** The field of a confidence bucket: its lower bound, {@code 0.00} to {@code 0.95}. */
    public static String confidenceField(int bucket) {
        int hundredths = bucket * 5;
        return "0." + (hundredths < 10 ? "0" : "") + hundredths;
    }

    private String key(Window w, String metric) {
        return keys.window(w.resolution(), w.start(), metric);
    }

    /** One window of one resolution. */
    private record Window(Resolution resolution, long start) {
        long ttl() {
            return resolution.ttl().toSeconds();
        }
    }

    /** The deltas and counts of one partition while its events are aggregated. */
    private static final class Accumulator {
        private final Map<String, KeyDelta> keys = new LinkedHashMap<>();
        private final Map<String, Long> aggregated = new LinkedHashMap<>();
        private final Map<String, Long> late = new LinkedHashMap<>();

        KeyDelta hash(String key, long ttl) {
            return keys.computeIfAbsent(key, k -> new KeyDelta(KeyDelta.Kind.HASH, ttl));
        }

        KeyDelta sortedSet(String key, long ttl) {
            return keys.computeIfAbsent(key, k -> new KeyDelta(KeyDelta.Kind.SORTED_SET, ttl));
        }

        KeyDelta hyperLogLog(String key, long ttl) {
            return keys.computeIfAbsent(key, k -> new KeyDelta(KeyDelta.Kind.HYPER_LOG_LOG, ttl));
        }
    }
}
