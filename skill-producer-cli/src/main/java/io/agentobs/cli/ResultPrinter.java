package io.agentobs.cli;

import io.agentobs.events.codec.EventJson;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a command's one JSON result line on stdout, and the usage-error form of it. */
public final class ResultPrinter {

    private ResultPrinter() {
    }

    public static void print(PrintStream out, Map<String, ?> result) {
        out.println(EventJson.mapper().writeValueAsString(result));
        out.flush();
    }

    /** {@code {"success": false, "error": ..., "errors": [{field, option, message}…]}} for exit code 2. */
    public static void printUsageError(PrintStream out, UsageException error) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", false);
        result.put("error", error.getMessage());
        if (!error.problems().isEmpty()) {
            List<Map<String, String>> problems = new ArrayList<>();
            for (UsageException.FieldProblem problem : error.problems()) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("field", problem.field());
                if (problem.option() != null) {
                    entry.put("option", problem.option());
                }
                entry.put("message", problem.message());
                problems.add(entry);
            }
            result.put("errors", problems);
        }
        print(out, result);
    }
}
