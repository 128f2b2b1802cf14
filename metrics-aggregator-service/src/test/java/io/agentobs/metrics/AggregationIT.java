package io.agentobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.agentobs.events.Topic;
import io.agentobs.infra.client.KafkaTopics;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.RedisExtension;
import io.agentobs.metrics.histogram.LogLinearBuckets;
import io.agentobs.metrics.histogram.Percentiles;
import io.lettuce.core.api.sync.RedisCommands;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.node.ObjectNode;

/** Thousands of events of five topics: what Redis holds equals a direct computation over the events sent. */
class AggregationIT {

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.shared();

    private static final int DB = RedisDatabases.AGGREGATION;
    private static final List<Topic> TOPICS = List.of(Topic.AGENT_ACTIONS, Topic.TASK_EXECUTIONS,
            Topic.AGENT_ROUTING_DECISIONS, Topic.ROUTER_PERFORMANCE_METRICS, Topic.AGENT_TRANSFORMATION_EVENTS);
    private static final Instant HOUR = Instant.parse("2025-10-20T18:00:00Z");
    private static final int EVENTS = 4_000;

    @Test
    void countsRatesDistinctIdsTopAgentsAndPercentilesEqualADirectComputationOverTheEventsSent() throws Exception {
        SentEvents.createTopics(KAFKA.bootstrapServers(), 3, TOPICS);
        TestTraffic traffic = new TestTraffic(11, 1_500);
        Random random = new Random(3);
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
            Instant time = HOUR.plusMillis(random.nextInt(50 * 60 * 1000));
            events.add(SentEvents.tagged(topic, traffic.event(topic, time)));
        }
        Map<String, String> settings = MetricsServices.settings(KAFKA.bootstrapServers(), REDIS.host(), REDIS.port(), DB,
                "metrics-aggregation-it");
        settings.put("KAFKA_TOPICS", SentEvents.names(TOPICS));
        settings.put("METRICS_GRACE_SECONDS", "86400");
        try (KafkaTopics kafka = new KafkaTopics(KAFKA.bootstrapServers());
             RedisDump redis = new RedisDump(REDIS.host(), REDIS.port(), DB);
             ConfigurableApplicationContext service = MetricsServices.start(settings)) {
            new SentEvents().send(kafka, events);
            await().atMost(Duration.ofSeconds(90)).until(() -> redis.appliedRecords("metrics-aggregation-it") == EVENTS);

            RedisCommands<String, String> r = redis.redis();
            String hour = "agentobs:1h:" + HOUR.getEpochSecond() + ":";
            assertThat(longs(r.hgetall(hour + "events"))).isEqualTo(countBy(events, e -> SentEvents.topicOf(e).topicName()));
            assertThat(longs(r.hgetall(hour + "agents"))).isEqualTo(expectedAgents(events));
            assertThat(longs(r.hgetall(hour + "action_types"))).isEqualTo(expectedActionTypes(events));
            Map<String, Long> volume = new TreeMap<>();
            expectedAgents(events).forEach((field, n) -> {
                if (field.startsWith("count:")) {
                    volume.put(field.substring(6), n);
                }
            });
            Map<String, Long> top = new TreeMap<>();
            r.zrangeWithScores(hour + "top:volume", 0, -1).forEach(v -> top.put(v.getValue(), (long) v.getScore()));
            assertThat(top).isEqualTo(volume);

            Set<String> distinct = new HashSet<>();
            events.forEach(e -> distinct.add(e.get("correlation_id").asString()));
            assertThat((double) r.pfcount(hour + "correlations")).isCloseTo(distinct.size(), withPercentage(1));

            Map<String, Long> transformations = new TreeMap<>();
            of(events, Topic.AGENT_TRANSFORMATION_EVENTS).forEach(e -> outcome(transformations,
                    e.get("source_agent").asString(), !e.get("success").asBoolean(), e.get("success").asBoolean()));
            assertThat(transformations).containsKey("errors:polymorphic-agent").containsKey("successes:polymorphic-agent");
            assertThat(longs(r.hgetall(hour + "transformations"))).isEqualTo(transformations);

            List<ObjectNode> routerEvents = of(events, Topic.ROUTER_PERFORMANCE_METRICS);
            assertThat(longs(r.hgetall(hour + "router"))).containsEntry("lookups", (long) routerEvents.size())
                    .containsEntry("cache_hits", routerEvents.stream().filter(e -> e.get("cache_hit").asBoolean()).count());
            long qualityMicros = of(events, Topic.TASK_EXECUTIONS).stream()
                    .mapToLong(e -> Math.round(e.get("quality_score").asDouble() * 1_000_000)).sum();
            assertThat(longs(r.hgetall(hour + "tasks:type")).entrySet().stream()
                    .filter(f -> f.getKey().startsWith("quality_sum_micros:")).mapToLong(Map.Entry::getValue).sum())
                    .isEqualTo(qualityMicros);

            assertPercentiles(r, hour + "hist:action_ms", values(of(events, Topic.AGENT_ACTIONS), "duration_ms"));
            assertPercentiles(r, hour + "hist:routing_ms", values(of(events, Topic.AGENT_ROUTING_DECISIONS), "routing_time_ms"));
            assertPercentiles(r, hour + "hist:task_ms", values(of(events, Topic.TASK_EXECUTIONS), "total_duration_ms"));
            Map<String, List<ObjectNode>> actionsByAgent = groupBy(of(events, Topic.AGENT_ACTIONS), "agent_name");
            Map<String, List<ObjectNode>> tasksByAgent = groupBy(of(events, Topic.TASK_EXECUTIONS), "agent_name");
            assertThat(actionsByAgent).hasSizeGreaterThan(1);
            actionsByAgent.forEach((agent, actions) ->
                    assertPercentiles(r, hour + "hist:action_ms:agent:" + agent, values(actions, "duration_ms")));
            tasksByAgent.forEach((agent, tasks) ->
                    assertPercentiles(r, hour + "hist:task_ms:agent:" + agent, values(tasks, "total_duration_ms")));
            groupBy(of(events, Topic.AGENT_ACTIONS), "action_type").forEach((type, actions) ->
                    assertPercentiles(r, hour + "hist:action_ms:type:" + type, values(actions, "duration_ms")));
            Percentiles fromFiveSecondWindows = new Percentiles();
            redis.keys().stream().filter(k -> k.startsWith("agentobs:5s:") && k.endsWith(":hist:action_ms"))
                    .forEach(k -> fromFiveSecondWindows.merge(r.hgetall(k)));
            Percentiles fromHour = new Percentiles().merge(r.hgetall(hour + "hist:action_ms"));
            assertThat(fromFiveSecondWindows.count()).isEqualTo(fromHour.count());
            assertThat(fromFiveSecondWindows.p99()).isEqualTo(fromHour.p99());

            Instant newestRouting = of(events, Topic.AGENT_ROUTING_DECISIONS).stream().map(SentEvents::time)
                    .max(Instant::compareTo).orElseThrow();
            long fiveMinuteStart = newestRouting.getEpochSecond() / 300 * 300;
            long inThatWindow = of(events, Topic.AGENT_ROUTING_DECISIONS).stream()
                    .filter(e -> SentEvents.time(e).getEpochSecond() / 300 * 300 == fiveMinuteStart).count();
            assertThat(r.get("metrics:routing:count:5min")).isEqualTo(Long.toString(inThatWindow));
            assertThat(r.exists("agentobs:late")).isZero();
        }
    }

    private static void assertPercentiles(RedisCommands<String, String> r, String key, List<Long> values) {
        Percentiles stored = new Percentiles().merge(r.hgetall(key));
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        assertThat(stored.count()).isEqualTo(sorted.size());
        for (int perMille : new int[] {500, 950, 990}) {
            long direct = sorted.get((int) Math.ceil(perMille * (double) sorted.size() / 1000) - 1);
            assertThat(stored.perMille(perMille)).as("%s p%d", key, perMille / 10)
                    .isEqualTo(LogLinearBuckets.lowerBound(LogLinearBuckets.index(direct)));
        }
    }

    private static Map<String, Long> expectedAgents(List<ObjectNode> events) {
        Map<String, Long> expected = new TreeMap<>();
        for (ObjectNode e : events) {
            Topic topic = SentEvents.topicOf(e);
            String agent = e.path("agent_name").asString();
            if (topic == Topic.AGENT_ACTIONS) {
                outcome(expected, agent, "error".equals(e.get("action_type").asString()),
                        "success".equals(e.get("action_type").asString()));
            } else if (topic == Topic.TASK_EXECUTIONS) {
                boolean success = e.get("success").asBoolean();
                outcome(expected, agent, !success, success);
            }
        }
        return expected;
    }

    private static Map<String, Long> expectedActionTypes(List<ObjectNode> events) {
        Map<String, Long> expected = new TreeMap<>();
        for (ObjectNode e : of(events, Topic.AGENT_ACTIONS)) {
            String type = e.get("action_type").asString();
            outcome(expected, type, "error".equals(type), "success".equals(type));
        }
        return expected;
    }

    private static void outcome(Map<String, Long> into, String name, boolean error, boolean success) {
        into.merge("count:" + name, 1L, Long::sum);
        if (error) {
            into.merge("errors:" + name, 1L, Long::sum);
        }
        if (success) {
            into.merge("successes:" + name, 1L, Long::sum);
        }
    }

    private static List<ObjectNode> of(List<ObjectNode> events, Topic topic) {
        return events.stream().filter(e -> SentEvents.topicOf(e) == topic).toList();
    }

    private static Map<String, List<ObjectNode>> groupBy(List<ObjectNode> events, String field) {
        Map<String, List<ObjectNode>> groups = new TreeMap<>();
        events.forEach(e -> groups.computeIfAbsent(e.get(field).asString(), k -> new ArrayList<>()).add(e));
        return groups;
    }

    private static List<Long> values(List<ObjectNode> events, String field) {
        return events.stream().filter(e -> e.hasNonNull(field)).map(e -> e.get(field).asLong()).toList();
    }

    private static Map<String, Long> countBy(List<ObjectNode> events, Function<ObjectNode, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        events.forEach(e -> counts.merge(key.apply(e), 1L, Long::sum));
        return counts;
    }

    private static Map<String, Long> longs(Map<String, String> hash) {
        Map<String, Long> values = new TreeMap<>();
        hash.forEach((k, v) -> values.put(k, Long.parseLong(v)));
        return values;
    }

}
