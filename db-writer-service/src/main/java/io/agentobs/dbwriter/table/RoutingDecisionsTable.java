package io.agentobs.dbwriter.table;

import java.util.List;

import io.agentobs.dbwriter.copy.CopyRows;
import io.agentobs.events.RoutingDecision;
import io.agentobs.events.Topic;

/** {@code agent-routing-decisions} → {@code agent_routing_decisions}. */
final class RoutingDecisionsTable implements EventTable<RoutingDecision> {

    @Override
    public Topic topic() {
        return Topic.AGENT_ROUTING_DECISIONS;
    }

    @Override
    public String tableName() {
        return "agent_routing_decisions";
    }

    @Override
    public List<String> columns() {
        return List.of("user_request", "selected_agent", "confidence_score", "alternatives", "reasoning", "routing_strategy",
                "context", "routing_time_ms");
    }

    @Override
    public void appendColumns(RoutingDecision e, CopyRows row) {
        row.text(e.userRequest()).text(e.selectedAgent()).number(e.confidenceScore()).json(e.alternatives())
                .text(e.reasoning()).text(e.routingStrategy()).json(e.context()).number(e.routingTimeMs());
    }
}
