package io.agentobs.metrics.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.agentobs.consumer.ConsumedEvent;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventEnvelope;
import io.agentobs.metrics.histogram.LogLinearBuckets;
import io.agentobs.metrics.window.Resolution;
import io.agentobs.metrics.window.Windows;

import org.apache.kafka.common.TopicPartition;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Aggregates one partition's events of a batch in Java into deltas per Redis key and field, so the Redis work of a
 * batch grows with the distinct keys it touches, not with its events. Events are taken in offset order: each one is
 * judged late against the partition's watermark as it was just before that event.
 *
 * <p>Reads the validated JSON of each event ({@link ConsumedEvent#json()}), not a bound record: the fields it needs
 * are few, and binding would cost more than the aggregation. Key names are built once per window of a batch, and
 * field names once per agent, type or domain.
 *
 * <p>Errors and successes: an action is an error when its {@code action_type} is {@code error} and a success when it
 * is {@code success}; a task execution or a transformation is a success or an error by its {@code success} field
 * (transformations are counted per source agent, apart from the agents' actions and tasks). Per agent both
 * actions and task executions count. Action durations are also kept per agent and per action type, task durations
 * per agent.
 */
public final class BatchAggregator {

    private static final BigDecimal CONFIDENCE_BUCKETS = BigDecimal.valueOf(20);
    private static final long QUALITY_SCALE = 1_000_000L;
    /** Histogram bucket fields kept as strings: every exact bucket and the next 16 powers of two. */
    private static final String[] BUCKET_FIELDS =
            new String[LogLinearBuckets.EXACT_BELOW + 16 * LogLinearBuckets.PER_POWER_OF_TWO];
    private static final String[] CONFIDENCE_FIELDS = new String[20];

    static {
        for (int i = 0; i < BUCKET_FIELDS.length; i++) {
            BUCKET_FIELDS[i] = Integer.toString(i);
        }
        for (int i = 0; i < CONFIDENCE_FIELDS.length; i++) {
            int hundredths = i * 5;
            CONFIDENCE_FIELDS[i] = "0." + (hundredths < 10 ? "0" : "") + hundredths;
        }
    }

    private final Windows windows;
    private final KeyLayout keys;
    private final Resolution[] resolutions;
    private final String[] windowPrefixes;

    public BatchAggregator(Windows windows, KeyLayout keys) {
        this.windows = windows;
        this.keys = keys;
        this.resolutions = windows.resolutions().toArray(Resolution[]::new);
        this.windowPrefixes = new String[resolutions.length];
        for (int r = 0; r < resolutions.length; r++) {
            windowPrefixes[r] = keys.windowPrefix(resolutions[r]);
        }
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
                                     List<ConsumedEvent> events) {
        Accumulator acc = new Accumulator(resolutions.length);
        Long watermark = watermarkBefore;
        Long newestRouting = null;
        WindowDeltas[] eventWindows = new WindowDeltas[resolutions.length];
        for (ConsumedEvent event : events) {
            ObjectNode json = event.json();
            Topic topic = event.topic();
            String topicName = topic.topicName();
            long time = EventEnvelope.timestampOf(json).toEpochMilli();
            if (windows.isLate(time, watermark)) {
                acc.late().increment(topicName, 1);
                acc.late.merge(topicName, 1L, Long::sum);
                continue;
            }
            watermark = watermark == null ? time : Math.max(watermark, time);
            acc.aggregated.merge(topicName, 1L, Long::sum);
            if (topic == Topic.AGENT_ROUTING_DECISIONS) {
                newestRouting = newestRouting == null ? time : Math.max(newestRouting, time);
            }
            for (int r = 0; r < resolutions.length; r++) {
                WindowDeltas w = acc.window(r, resolutions[r].windowStart(time));
                w.hash(WindowDeltas.EVENTS).increment(topicName, 1);
                eventWindows[r] = w;
            }
            acc.correlations(eventWindows).add(correlationId(json));
            switch (topic) {
                case AGENT_ACTIONS -> action(eventWindows, json);
                case TASK_EXECUTIONS -> task(eventWindows, json);
                case AGENT_ROUTING_DECISIONS -> routing(eventWindows, json);
                case ROUTER_PERFORMANCE_METRICS -> router(eventWindows, json);
                case AGENT_TRANSFORMATION_EVENTS -> transformation(eventWindows, json);
                default -> {
                }
            }
        }
        return new PartitionDeltas(partition, firstOffset, nextOffset, watermarkBefore, watermark, newestRouting,
                acc.deltas, acc.aggregated, acc.late);
    }

    private static void action(WindowDeltas[] eventWindows, ObjectNode json) {
        String type = text(json, "action_type");
        boolean error = "error".equals(type);
        boolean success = "success".equals(type);
        NameFields typeFields = NameFields.of(type);
        String agent = text(json, "agent_name");
        NameFields agentFields = NameFields.of(agent);
        Long duration = number(json, "duration_ms");
        String bucket = duration == null ? null : bucketField(duration);
        for (WindowDeltas w : eventWindows) {
            outcome(w.hash(WindowDeltas.ACTION_TYPES), typeFields, error, success);
            agent(w, agent, agentFields, error, success);
            if (bucket != null) {
                w.hash(WindowDeltas.HIST_ACTION).increment(bucket, 1);
                w.namedHash(agentFields.actionHistogram()).increment(bucket, 1);
                w.namedHash(typeFields.actionTypeHistogram()).increment(bucket, 1);
            }
        }
    }

    private static void task(WindowDeltas[] eventWindows, ObjectNode json) {
        boolean success = isTrue(json, "success");
        String agent = text(json, "agent_name");
        NameFields agentFields = NameFields.of(agent);
        NameFields typeFields = NameFields.of(text(json, "task_type"));
        String domain = text(json, "domain");
        NameFields domainFields = NameFields.of(domain == null ? "unknown" : domain);
        JsonNode quality = json.get("quality_score");
        Long qualityMicros = quality == null || quality.isNull() ? null
                : Math.round(quality.doubleValue() * QUALITY_SCALE);
        Long duration = number(json, "total_duration_ms");
        String bucket = duration == null ? null : bucketField(duration);
        for (WindowDeltas w : eventWindows) {
            agent(w, agent, agentFields, !success, success);
            taskStats(w.hash(WindowDeltas.TASKS_BY_TYPE), typeFields, success, qualityMicros);
            taskStats(w.hash(WindowDeltas.TASKS_BY_DOMAIN), domainFields, success, qualityMicros);
            if (bucket != null) {
                w.hash(WindowDeltas.HIST_TASK).increment(bucket, 1);
                w.namedHash(agentFields.taskHistogram()).increment(bucket, 1);
            }
        }
    }

    private static void transformation(WindowDeltas[] eventWindows, ObjectNode json) {
        boolean success = isTrue(json, "success");
        NameFields sourceFields = NameFields.of(text(json, "source_agent"));
        for (WindowDeltas w : eventWindows) {
            outcome(w.hash(WindowDeltas.TRANSFORMATIONS), sourceFields, !success, success);
        }
        histogram(eventWindows, WindowDeltas.HIST_TRANSFORMATION, number(json, "transformation_duration_ms"));
    }

    private static void routing(WindowDeltas[] eventWindows, ObjectNode json) {
        int bucket = BigDecimal.valueOf(json.get("confidence_score").doubleValue()).multiply(CONFIDENCE_BUCKETS)
                .setScale(0, RoundingMode.FLOOR).intValue();
        String field = CONFIDENCE_FIELDS[Math.max(0, Math.min(19, bucket))];
        for (WindowDeltas w : eventWindows) {
            w.hash(WindowDeltas.CONFIDENCE).increment(field, 1);
        }
        histogram(eventWindows, WindowDeltas.HIST_ROUTING, number(json, "routing_time_ms"));
    }

    private static void router(WindowDeltas[] eventWindows, ObjectNode json) {
        histogram(eventWindows, WindowDeltas.HIST_ROUTER, number(json, "routing_duration_ms"));
        JsonNode cacheHit = json.get("cache_hit");
        if (cacheHit != null && cacheHit.isBoolean()) {
            boolean hit = cacheHit.booleanValue();
            for (WindowDeltas w : eventWindows) {
                KeyDelta hash = w.hash(WindowDeltas.ROUTER);
                hash.increment("lookups", 1);
                if (hit) {
                    hash.increment("cache_hits", 1);
                }
            }
        }
    }

    private static void taskStats(KeyDelta hash, NameFields name, boolean success, Long qualityMicros) {
        hash.increment(name.count(), 1);
        if (success) {
            hash.increment(name.successes(), 1);
        }
        if (qualityMicros != null) {
            hash.increment(name.qualityN(), 1);
            hash.increment(name.qualitySumMicros(), qualityMicros);
        }
    }

    private static void agent(WindowDeltas w, String agent, NameFields fields, boolean error, boolean success) {
        outcome(w.hash(WindowDeltas.AGENTS), fields, error, success);
        w.sortedSet(WindowDeltas.TOP_VOLUME).increment(agent, 1);
        if (error) {
            w.sortedSet(WindowDeltas.TOP_ERRORS).increment(agent, 1);
        }
    }

    private static void outcome(KeyDelta hash, NameFields name, boolean error, boolean success) {
        hash.increment(name.count(), 1);
        if (error) {
            hash.increment(name.errors(), 1);
        }
        if (success) {
            hash.increment(name.successes(), 1);
        }
    }

    private static void histogram(WindowDeltas[] eventWindows, int metric, Long value) {
        if (value != null) {
            String field = bucketField(value);
            for (WindowDeltas w : eventWindows) {
                w.hash(metric).increment(field, 1);
            }
        }
    }

    /** The histogram field of a value: its bucket index. */
    private static String bucketField(long value) {
        int index = LogLinearBuckets.index(value);
        return index < BUCKET_FIELDS.length ? BUCKET_FIELDS[index] : Integer.toString(index);
    }

    /** The field of a confidence bucket: its lower bound, {@code 0.00} to {@code 0.95}. */
    public static String confidenceField(int bucket) {
        return CONFIDENCE_FIELDS[bucket];
    }

    /** The correlation id as the bound event writes it: a UUID in lower case. */
    private static String correlationId(ObjectNode json) {
        String id = json.get("correlation_id").asString();
        for (int i = 0; i < id.length(); i++) {
            if (Character.isUpperCase(id.charAt(i))) {
                return id.toLowerCase(Locale.ROOT);
            }
        }
        return id;
    }

    private static String text(ObjectNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static boolean isTrue(ObjectNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isBoolean() && node.booleanValue();
    }

    private static Long number(ObjectNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.longValue();
    }

    /** The deltas and counts of one partition while its events are aggregated. */
    private final class Accumulator {
        private final Map<String, KeyDelta> deltas = new LinkedHashMap<>();
        private final Map<String, Long> aggregated = new LinkedHashMap<>();
        private final Map<String, Long> late = new LinkedHashMap<>();
        private final WindowDeltas[] last;
        private final Map<Long, WindowDeltas>[] byStart;
        private KeyDelta lateKey;
        private KeyDelta lastCorrelations;
        private WindowDeltas[] lastCorrelationWindows;

        @SuppressWarnings("unchecked")
        Accumulator(int resolutionCount) {
            last = new WindowDeltas[resolutionCount];
            byStart = new Map[resolutionCount];
            for (int r = 0; r < resolutionCount; r++) {
                byStart[r] = new LinkedHashMap<>();
            }
        }

        /** The window of resolution {@code r} starting at {@code start}: most events fall in the last one used. */
        WindowDeltas window(int r, long start) {
            WindowDeltas w = last[r];
            if (w == null || w.start() != start) {
                w = byStart[r].computeIfAbsent(start, s -> new WindowDeltas(windowPrefixes[r] + s + ':', s,
                        resolutions[r].ttl().toSeconds(), deltas));
                last[r] = w;
            }
            return w;
        }

        /**
         * The distinct correlation ids of the events in these windows (one of each resolution): one delta per
         * combination of windows, whose members the script adds to the correlations key of each.
         */
        KeyDelta correlations(WindowDeltas[] eventWindows) {
            if (lastCorrelations != null && Arrays.equals(lastCorrelationWindows, eventWindows)) {
                return lastCorrelations;
            }
            List<String> names = new ArrayList<>(eventWindows.length);
            List<Long> ttls = new ArrayList<>(eventWindows.length);
            for (WindowDeltas w : eventWindows) {
                names.add(w.key(KeyLayout.CORRELATIONS));
                ttls.add(w.ttlSeconds());
            }
            lastCorrelations = deltas.computeIfAbsent(String.join(" ", names), k -> KeyDelta.hyperLogLogs(names, ttls));
            lastCorrelationWindows = eventWindows.clone();
            return lastCorrelations;
        }

        KeyDelta late() {
            if (lateKey == null) {
                lateKey = deltas.computeIfAbsent(keys.late(),
                        k -> new KeyDelta(KeyDelta.Kind.HASH, 0));
            }
            return lateKey;
        }
    }
}
