package io.agentobs.dbwriter.table;

import java.util.List;

import io.agentobs.dbwriter.copy.CopyRows;
import io.agentobs.events.RouterPerformanceMetric;
import io.agentobs.events.Topic;

/** {@code router-performance-metrics} → {@code router_performance_metrics}. */
final class RouterPerformanceMetricsTable implements EventTable<RouterPerformanceMetric> {

    @Override
    public Topic topic() {
        return Topic.ROUTER_PERFORMANCE_METRICS;
    }

    @Override
    public String tableName() {
        return "router_performance_metrics";
    }

    @Override
    public List<String> columns() {
        return List.of("query_text", "routing_duration_ms", "cache_hit", "trigger_match_strategy",
                "confidence_components", "candidates_evaluated");
    }

    @Override
    public void appendColumns(RouterPerformanceMetric e, CopyRows row) {
        row.text(e.queryText()).number(e.routingDurationMs()).bool(e.cacheHit()).text(e.triggerMatchStrategy())
                .json(e.confidenceComponents()).number(e.candidatesEvaluated());
    }
}
