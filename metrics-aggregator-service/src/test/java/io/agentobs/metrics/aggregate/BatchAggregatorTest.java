package io.agentobs.metrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.agentobs.consumer.ConsumedEvent;
import io.agentobs.events.Topic;
import io.agentobs.events.samples.SampleEvents;
import io.agentobs.metrics.TestTraffic;
import io.agentobs.metrics.histogram.LogLinearBuckets;
import io.agentobs.metrics.window.Windows;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class BatchAggregatorTest {

    private static final Instant T0 = Instant.parse("2025-10-20T18:30:01Z");
    private static final long W5S = T0.getEpochSecond() / 5 * 5;
    private static final long W1H = Instant.parse("2025-10-20T18:00:00Z").getEpochSecond();
    private static final TopicPartition PARTITION = new TopicPartition("agent-actions", 3);

    private final BatchAggregator aggregator = new BatchAggregator(Windows.of(Duration.ofSeconds(5), Duration.ofHours(2),
            Duration.ofDays(2), Duration.ofDays(8), Duration.ofDays(35), Duration.ofSeconds(60)), new KeyLayout("p:"));

    @Test
    void actionsAreCountedPerTopicAgentAndActionTypeWithErrorsSuccessesAndDurations() {
        List<ConsumedEvent> events = List.of(
                action("agent-a", "tool_call", 45, "c1", T0),
                action("agent-a", "error", 3000, "c1", T0.plusSeconds(1)),
                action("agent-b", "success", 45, "c2", T0.plusSeconds(2)),
                action("agent-a", "success", 7, "c3", T0.plusSeconds(5)));

        PartitionDeltas deltas = aggregator.aggregate(PARTITION, 10, 14, null, events);

        assertThat(deltas.watermarkAfter()).isEqualTo(T0.plusSeconds(5).toEpochMilli());
        assertThat(deltas.aggregated()).containsExactly(Map.entry("agent-actions", 4L));
        assertThat(hash(deltas, "p:5s:" + W5S + ":events")).containsExactly(Map.entry("agent-actions", 3L));
        assertThat(hash(deltas, "p:5s:" + (W5S + 5) + ":events")).containsExactly(Map.entry("agent-actions", 1L));
        assertThat(hash(deltas, "p:1h:" + W1H + ":agents")).containsOnly(
                Map.entry("count:agent-a", 3L), Map.entry("errors:agent-a", 1L), Map.entry("successes:agent-a", 1L),
                Map.entry("count:agent-b", 1L), Map.entry("successes:agent-b", 1L));
        assertThat(hash(deltas, "p:1h:" + W1H + ":action_types")).containsOnly(
                Map.entry("count:tool_call", 1L), Map.entry("count:error", 1L), Map.entry("errors:error", 1L),
                Map.entry("count:success", 2L), Map.entry("successes:success", 2L));
        assertThat(hash(deltas, "p:1h:" + W1H + ":hist:action_ms")).containsOnly(
                Map.entry("45", 2L), Map.entry("7", 1L), Map.entry(Integer.toString(LogLinearBuckets.index(3000)), 1L));
        assertThat(deltas.keys().get("p:1h:" + W1H + ":top:volume").increments())
                .containsOnly(Map.entry("agent-a", 3L), Map.entry("agent-b", 1L));
        assertThat(deltas.keys().get("p:1h:" + W1H + ":top:errors").increments()).containsOnly(Map.entry("agent-a", 1L));
        assertThat(hyperLogLogMembers(deltas, "p:1h:" + W1H + ":correlations"))
                .containsExactlyInAnyOrder(uuid("c1"), uuid("c2"), uuid("c3"));
        assertThat(hyperLogLogMembers(deltas, "p:5s:" + (W5S + 5) + ":correlations")).containsExactly(uuid("c3"));
        assertThat(deltas.keys().get("p:5s:" + W5S + ":events").ttlSeconds()).isEqualTo(7200);
        assertThat(deltas.keys().get("p:1h:" + W1H + ":events").ttlSeconds()).isEqualTo(35 * 86400);
    }

    @Test
    void tasksRoutingAndRouterEventsFillTheirOwnHashes() {
        List<ConsumedEvent> events = List.of(
                task("code_generation", "api", true, 0.92),
                task("code_generation", null, false, 0.5),
                routing(0.92), routing(1.0), routing(0.05),
                router(true), router(false));

        PartitionDeltas deltas = aggregator.aggregate(PARTITION, 0, 7, null, events);

        assertThat(hash(deltas, "p:5m:" + W5S / 300 * 300 + ":tasks:type")).containsOnly(
                Map.entry("count:code_generation", 2L), Map.entry("successes:code_generation", 1L),
                Map.entry("quality_n:code_generation", 2L), Map.entry("quality_sum_micros:code_generation", 1_420_000L));
        assertThat(hash(deltas, "p:5m:" + W5S / 300 * 300 + ":tasks:domain")).containsOnly(
                Map.entry("count:api", 1L), Map.entry("successes:api", 1L), Map.entry("quality_n:api", 1L),
                Map.entry("quality_sum_micros:api", 920_000L), Map.entry("count:unknown", 1L),
                Map.entry("quality_n:unknown", 1L), Map.entry("quality_sum_micros:unknown", 500_000L));
        assertThat(hash(deltas, "p:1m:" + W5S / 60 * 60 + ":confidence")).containsOnly(
                Map.entry("0.90", 1L), Map.entry("0.95", 1L), Map.entry("0.05", 1L));
        assertThat(hash(deltas, "p:1m:" + W5S / 60 * 60 + ":router")).containsOnly(
                Map.entry("lookups", 2L), Map.entry("cache_hits", 1L));
        assertThat(deltas.newestRouting()).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void eventsBeyondTheGraceAreCountedOnlyAsLateAndDoNotMoveTheWatermark() {
        Instant watermark = T0.plusSeconds(200);
        List<ConsumedEvent> events = List.of(
                action("agent-a", "tool_call", 1, "c1", T0),
                action("agent-a", "tool_call", 1, "c1", watermark.minusSeconds(60)),
                action("agent-a", "tool_call", 1, "c1", watermark.plusSeconds(1)));

        PartitionDeltas deltas = aggregator.aggregate(PARTITION, 5, 8, watermark.toEpochMilli(), events);

        assertThat(deltas.late()).containsExactly(Map.entry("agent-actions", 1L));
        assertThat(deltas.aggregated()).containsExactly(Map.entry("agent-actions", 2L));
        assertThat(hash(deltas, "p:late")).containsExactly(Map.entry("agent-actions", 1L));
        assertThat(deltas.keys().get("p:late").ttlSeconds()).isZero();
        assertThat(deltas.keys()).doesNotContainKey("p:5s:" + W5S + ":events");
        assertThat(deltas.watermarkBefore()).isEqualTo(watermark.toEpochMilli());
        assertThat(deltas.watermarkAfter()).isEqualTo(watermark.plusSeconds(1).toEpochMilli());
    }

    /** The members the deltas add to one HyperLogLog key. */
    private static Set<String> hyperLogLogMembers(PartitionDeltas deltas, String key) {
        Set<String> members = new HashSet<>();
        deltas.keys().values().stream().filter(d -> d.hyperLogLogKeys().contains(key))
                .forEach(d -> members.addAll(d.members()));
        return members;
    }

    private static Map<String, Long> hash(PartitionDeltas deltas, String key) {
        assertThat(deltas.keys()).containsKey(key);
        assertThat(deltas.keys().get(key).kind()).isEqualTo(KeyDelta.Kind.HASH);
        return deltas.keys().get(key).increments();
    }

    private static ConsumedEvent action(String agent, String type, long durationMs, String correlation, Instant time) {
        ObjectNode e = SampleEvents.event(Topic.AGENT_ACTIONS, time);
        e.put("agent_name", agent);
        e.put("action_type", type);
        e.put("duration_ms", durationMs);
        e.put("correlation_id", uuid(correlation));
        return TestTraffic.consumed(Topic.AGENT_ACTIONS, e);
    }

    private static ConsumedEvent task(String type, String domain, boolean success, double quality) {
        ObjectNode e = SampleEvents.event(Topic.TASK_EXECUTIONS, T0);
        e.put("task_type", type);
        if (domain == null) {
            e.remove("domain");
        } else {
            e.put("domain", domain);
        }
        e.put("success", success);
        e.put("quality_score", quality);
        return TestTraffic.consumed(Topic.TASK_EXECUTIONS, e);
    }

    private static ConsumedEvent routing(double confidence) {
        ObjectNode e = SampleEvents.event(Topic.AGENT_ROUTING_DECISIONS, T0);
        e.put("confidence_score", confidence);
        return TestTraffic.consumed(Topic.AGENT_ROUTING_DECISIONS, e);
    }

    private static ConsumedEvent router(boolean hit) {
        ObjectNode e = SampleEvents.event(Topic.ROUTER_PERFORMANCE_METRICS, T0);
        e.put("cache_hit", hit);
        return TestTraffic.consumed(Topic.ROUTER_PERFORMANCE_METRICS, e);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
