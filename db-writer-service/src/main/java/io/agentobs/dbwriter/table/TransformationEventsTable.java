package io.agentobs.dbwriter.table;

import java.util.List;

import io.agentobs.dbwriter.copy.CopyRows;
import io.agentobs.events.TransformationEvent;
import io.agentobs.events.Topic;

/** {@code agent-transformation-events} → {@code agent_transformation_events}. */
final class TransformationEventsTable implements EventTable<TransformationEvent> {

    @Override
    public Topic topic() {
        return Topic.AGENT_TRANSFORMATION_EVENTS;
    }

    @Override
    public String tableName() {
        return "agent_transformation_events";
    }

    @Override
    public List<String> columns() {
        return List.of("source_agent", "target_agent", "transformation_reason", "confidence_score",
                "transformation_duration_ms", "success", "context_preserved");
    }

    @Override
    public void appendColumns(TransformationEvent e, CopyRows row) {
        row.text(e.sourceAgent()).text(e.targetAgent()).text(e.transformationReason()).number(e.confidenceScore())
                .number(e.transformationDurationMs()).bool(e.success()).json(e.contextPreserved());
    }
}
