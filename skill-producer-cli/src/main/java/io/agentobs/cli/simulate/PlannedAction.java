package io.agentobs.cli.simulate;

import io.agentobs.events.ActionType;

/**
 * One agent action of a planned trace.
 *
 * @param step        the workflow step a tool call or error belongs to; null for decisions and the final success
 * @param file        the file the action touches; null when it touches none
 * @param endOffsetMs when the action completes, in milliseconds after the trace started
 */
record PlannedAction(ActionType type, String agent, String actionName, WorkflowStep step, CodeFile file,
        long durationMs, long endOffsetMs) {
}
