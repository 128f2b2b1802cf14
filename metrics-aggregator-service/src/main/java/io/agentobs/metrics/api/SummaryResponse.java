package io.agentobs.metrics.api;

import java.util.Map;

import io.agentobs.metrics.histogram.Percentiles;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Everything counted over a range: per topic, per action type, latency percentiles, distinct correlation ids, the
 * router cache, routing confidence, tasks and late events.
 *
 * @param range the range and windows read
 * @param events events of all topics
 * @param topics per topic (every topic listed, 0 when none)
 * @param actionTypes agent-actions per action_type
 * @param actionTypeLatencies agent-actions duration_ms per action_type: values and p50, p95, p99 in ms
 * @param latencies per histogram ({@code action_ms}, {@code task_ms}, {@code transformation_ms}, {@code routing_ms},
 *     {@code router_ms}): values and p50, p95, p99 in ms
 * @param distinctCorrelations distinct correlation ids over the whole range (HyperLogLog union, about 0.8 % error)
 * @param router router cache lookups and hits
 * @param confidence routing decisions per confidence bucket ({@code 0.00} … {@code 0.95}, width 0.05)
 * @param tasks task executions by task_type and by domain
 * @param late events counted as late per topic since the service began (not per window)
 */
public record SummaryResponse(
        RangeView range,
        long events,
        Map<String, TopicStats> topics,
        Map<String, Long> actionTypes,
        Map<String, LatencyStats> actionTypeLatencies,
        Map<String, LatencyStats> latencies,
        long distinctCorrelations,
        RouterStats router,
        Map<String, Long> confidence,
        TaskStats tasks,
        @Schema(description = "late events per topic since the service began; not limited to the range")
        Map<String, Long> late) {

    /**
     * One topic.
     *
     * @param events events of the topic
     * @param errors agent-actions with action_type error, task-executions and agent-transformation-events with
     *     success false; null for other topics
     * @param successes agent-actions with action_type success, task-executions and agent-transformation-events with
     *     success true; null for others
     * @param errorRate errors / events; null when there are no events or no errors are defined for the topic
     * @param successRate successes / events; null likewise
     */
    public record TopicStats(long events, Long errors, Long successes, Double errorRate, Double successRate) {
    }

    /**
     * One duration histogram.
     *
     * @param count values in the histogram
     * @param p50 nearest-rank median in ms at bucket precision (&lt; 0.8 %); null when empty
     * @param p95 95th percentile, likewise
     * @param p99 99th percentile, likewise
     */
    public record LatencyStats(long count, Long p50, Long p95, Long p99) {

        /** The count and percentiles of a merged histogram. */
        static LatencyStats of(Percentiles histogram) {
            return new LatencyStats(histogram.count(), histogram.p50(), histogram.p95(), histogram.p99());
        }
    }

    /**
     * The router cache.
     *
     * @param lookups router metrics with cache_hit set
     * @param cacheHits those with cache_hit true
     * @param cacheHitRate cacheHits / lookups; null without lookups
     */
    public record RouterStats(long lookups, long cacheHits, Double cacheHitRate) {
    }

    /**
     * Task executions grouped two ways.
     *
     * @param byType per task_type
     * @param byDomain per domain ({@code unknown} when the event had none)
     */
    public record TaskStats(Map<String, TaskGroup> byType, Map<String, TaskGroup> byDomain) {
    }

    /**
     * The tasks of one task_type or domain.
     *
     * @param count task executions
     * @param successes those with success true
     * @param successRate successes / count; null without tasks
     * @param meanQuality mean quality_score of the tasks that have one; null when none has
     */
    public record TaskGroup(long count, long successes, Double successRate, Double meanQuality) {
    }
}
