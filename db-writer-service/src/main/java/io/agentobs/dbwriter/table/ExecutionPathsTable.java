package io.agentobs.dbwriter.table;

import java.util.List;

import io.agentobs.dbwriter.copy.CopyRows;
import io.agentobs.events.TaskExecution;
import io.agentobs.events.Topic;

/** {@code task-executions} → {@code execution_paths}. */
final class ExecutionPathsTable implements EventTable<TaskExecution> {

    @Override
    public Topic topic() {
        return Topic.TASK_EXECUTIONS;
    }

    @Override
    public String tableName() {
        return "execution_paths";
    }

    @Override
    public List<String> columns() {
        return List.of("fingerprint_id", "task_hash", "original_prompt", "task_type", "domain", "agent_name",
                "agent_chain", "success", "quality_score", "complexity_score", "steps", "total_duration_ms", "tools_used",
                "user_acceptance");
    }

    @Override
    public void appendColumns(TaskExecution e, CopyRows row) {
        row.uuid(e.fingerprintId()).text(e.taskHash()).text(e.originalPrompt()).text(e.taskType()).text(e.domain())
                .text(e.agentName()).json(e.agentChain()).bool(e.success()).number(e.qualityScore())
                .number(e.complexityScore()).json(e.steps()).number(e.totalDurationMs()).json(e.toolsUsed())
                .bool(e.userAcceptance());
    }
}
