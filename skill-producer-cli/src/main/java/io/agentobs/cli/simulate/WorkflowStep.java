package io.agentobs.cli.simulate;

/**
 * One step of a task's typical workflow: its name in {@code task-executions.steps[].action}, the tool that does it,
 * the tool's argument (command, search pattern, URL or query; unused for file tools) and whether runs may skip it.
 */
record WorkflowStep(String name, Tool tool, String argument, boolean optional) {

    static WorkflowStep required(String name, Tool tool, String argument) {
        return new WorkflowStep(name, tool, argument, false);
    }

    static WorkflowStep optional(String name, Tool tool, String argument) {
        return new WorkflowStep(name, tool, argument, true);
    }
}
