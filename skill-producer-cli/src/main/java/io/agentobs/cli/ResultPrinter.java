package io.agentobs.cli;

import io.agentobs.cli.spool.SpoolException;
import io.agentobs.events.codec.EventJson;
import tools.jackson.core.JsonGenerator;

import java.io.PrintStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a command's one JSON result line on stdout, and the usage-error and failure forms of it. */
public final class ResultPrinter {

    private ResultPrinter() {
    }

    /**
     * Writes {@code result} as one line of JSON, as the event mapper serialises a map. Strings, booleans, integral
     * and double numbers, nulls, maps and lists are written straight to the mapper's generator; other values go
     * through the mapper. That spares a one-event process looking up and building the map and value serialisers,
     * which costs more than the writing.
     */
    public static void print(PrintStream out, Map<String, ?> result) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = EventJson.mapper().createGenerator(text)) {
            write(generator, result);
        }
        out.println(text);
        out.flush();
    }

    private static void write(JsonGenerator generator, Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String string) {
            generator.writeString(string);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof Map<?, ?> map && hasTextKeys(map)) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeName((String) entry.getKey());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else {
            generator.writePOJO(value);
        }
    }

    private static boolean hasTextKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** A command's usage or validation error: the message on stderr, the error result on stdout; returns exit 2. */
    public static int reportUsageError(CliContext context, UsageException usage) {
        context.err().println("agentobs: " + usage.getMessage());
        printUsageError(context.out(), usage);
        return ExitCodes.USAGE;
    }

    /** A command's failure: the message on stderr, {@code {"success":false,"error":…}} on stdout; returns exit 1. */
    public static int reportFailure(CliContext context, Exception exception) {
        String message = exception instanceof SpoolException
                ? exception.getMessage()
                : exception.getClass().getSimpleName() + ": " + exception.getMessage();
        context.err().println("agentobs: " + message);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", false);
        result.put("error", message);
        print(context.out(), result);
        return ExitCodes.FAILURE;
    }

    /** A store that could not be reached: the message on stderr, the error result on stdout; returns exit 3. */
    public static int reportUnavailable(CliContext context, UnavailableException unavailable) {
        context.err().println("agentobs: " + unavailable.getMessage());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", false);
        result.put("error", unavailable.getMessage());
        print(context.out(), result);
        return ExitCodes.UNAVAILABLE;
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
