package io.agentobs.cli;

import java.util.List;

/**
 * A usage or validation error: bad options, a bad environment variable, an invalid event. Exit code 2, with a message
 * that names the option, variable or field.
 */
public class UsageException extends Exception {

    private final List<FieldProblem> problems;

    public UsageException(String message) {
        this(message, List.of());
    }

    public UsageException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** The individual field problems behind this error, when it is an invalid event; otherwise empty. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /**
     * One problem with one event field.
     *
     * @param field the JSON field path ({@code agent_name}, {@code steps[2].duration_ms})
     * @param option the command-line option that sets it, or null
     * @param message what is wrong
     */
    public record FieldProblem(String field, String option, String message) {
    }
}
