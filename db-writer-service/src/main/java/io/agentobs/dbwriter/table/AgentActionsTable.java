package io.agentobs.dbwriter.table;

import java.util.List;

import io.agentobs.dbwriter.copy.CopyRows;
import io.agentobs.events.AgentAction;
import io.agentobs.events.Topic;

/** {@code agent-actions} → {@code agent_actions}. */
final class AgentActionsTable implements EventTable<AgentAction> {

    @Override
    public Topic topic() {
        return Topic.AGENT_ACTIONS;
    }

    @Override
    public String tableName() {
        return "agent_actions";
    }

    @Override
    public List<String> columns() {
        return List.of("agent_name", "action_type", "action_name", "action_details", "debug_mode", "duration_ms");
    }

    @Override
    public void appendColumns(AgentAction e, CopyRows row) {
        row.text(e.agentName()).text(e.actionType() == null ? null : e.actionType().wireName()).text(e.actionName())
                .json(e.actionDetails()).bool(e.debugMode()).number(e.durationMs());
    }
}
