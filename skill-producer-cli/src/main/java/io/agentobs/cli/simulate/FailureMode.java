package io.agentobs.cli.simulate;

import java.util.List;

/**
 * A way a tool call fails, with everything a failure pattern reports about it. The message template may name the
 * file ({@code {file}}) and a line ({@code {line}}), so one signature recurs with different details.
 *
 * @param fixedDurationMs how long the failing call takes when it ends by a timeout; 0 when it is sampled as usual
 */
record FailureMode(Tool tool, String failureType, String errorCategory, String messageTemplate, String rootCause,
        List<String> contributingFactors, String resolution, List<String> resolutionActions, String prevention,
        boolean automatedFixPossible, long fixedDurationMs) {

    FailureMode {
        contributingFactors = List.copyOf(contributingFactors);
        resolutionActions = List.copyOf(resolutionActions);
    }

    /** The error message of one occurrence in {@code file}. */
    String message(CodeFile file, int line) {
        return messageTemplate.replace("{file}", file.path()).replace("{line}", Integer.toString(line));
    }

    /** A short stack trace ending in {@code message}, shaped like the file's language reports it. */
    static String stackTrace(String message, CodeFile file, int line) {
        if ("python".equals(file.language())) {
            return "Traceback (most recent call last):\n  File \"" + file.path() + "\", line " + line
                    + ", in <module>\n" + message;
        }
        return message + "\n    at " + file.path() + ":" + line;
    }
}
