package io.agentobs.cli.log;

import io.agentobs.cli.UsageException;
import io.agentobs.cli.UsageException.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON type an event field takes, as the command line spells it: how an option's text becomes the field's JSON
 * value. Range and format rules are left to the event codec, so the CLI accepts exactly what consumers accept.
 */
enum FieldKind {
    TEXT("TEXT"),
    UUID_TEXT("UUID"),
    TIMESTAMP("ISO-8601"),
    INTEGER("INT"),
    NUMBER("NUMBER"),
    BOOLEAN("true|false"),
    JSON_OBJECT("JSON"),
    JSON_ARRAY("JSON");

    private final String label;

    FieldKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The kind of a record component's Java type. */
    static FieldKind of(Type type) {
        Type raw = type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type;
        if (raw == UUID.class) {
            return UUID_TEXT;
        }
        if (raw == Instant.class) {
            return TIMESTAMP;
        }
        if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
            return INTEGER;
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            return NUMBER;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return BOOLEAN;
        }
        if (raw instanceof Class<?> cls && Map.class.isAssignableFrom(cls)) {
            return JSON_OBJECT;
        }
        if (raw instanceof Class<?> cls && List.class.isAssignableFrom(cls)) {
            return JSON_ARRAY;
        }
        return TEXT;
    }

    /** The JSON value of {@code text} given for {@code field} through {@code option}. */
    JsonNode parse(String text, String field, String option, ObjectMapper mapper) throws UsageException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (this) {
            case TEXT, UUID_TEXT, TIMESTAMP -> nodes.stringNode(text);
            case INTEGER -> {
                try {
                    yield nodes.numberNode(Long.parseLong(text.trim()));
                } catch (NumberFormatException notInteger) {
                    throw problem(field, option, "must be an integer, got '" + text + "'");
                }
            }
            case NUMBER -> {
                try {
                    yield nodes.numberNode(new BigDecimal(text.trim()));
                } catch (NumberFormatException notNumber) {
                    throw problem(field, option, "must be a number, got '" + text + "'");
                }
            }
            case BOOLEAN -> switch (text.trim()) {
                case "true" -> nodes.booleanNode(true);
                case "false" -> nodes.booleanNode(false);
                default -> throw problem(field, option, "must be true or false, got '" + text + "'");
            };
            case JSON_OBJECT, JSON_ARRAY -> {
                JsonNode json;
                try {
                    json = mapper.readTree(text);
                } catch (JacksonException malformed) {
                    throw problem(field, option, "is not valid JSON: " + malformed.getOriginalMessage());
                }
                boolean matches = this == JSON_OBJECT ? json.isObject() : json.isArray();
                if (!matches) {
                    throw problem(field, option, "must be a JSON " + (this == JSON_OBJECT ? "object" : "array"));
                }
                yield json;
            }
        };
    }

    static UsageException problem(String field, String option, String message) {
        return new UsageException(option + " (" + field + ") " + message,
                List.of(new FieldProblem(field, option, message)));
    }
}
