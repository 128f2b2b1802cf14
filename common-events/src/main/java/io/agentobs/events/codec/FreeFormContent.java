package io.agentobs.events.codec;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** Checks JSON of any shape (free-form objects, unknown fields) for names and values storage cannot hold. */
final class FreeFormContent {

    private FreeFormContent() {
    }

    /**
     * Adds an error for every name or string in {@code value} (at {@code path}) with NUL or a lone surrogate, and
     * every fractional number no finite double holds. Integers of any size pass: they stay exact, as jsonb keeps them.
     */
    static void check(JsonNode value, FieldPath path, List<FieldError> errors) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> property : value.properties()) {
                checkProperty(property.getKey(), property.getValue(), path, errors);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isContainer()) {
                    check(item, path.item(i), errors);
                } else {
                    String problem = scalarProblem(item);
                    if (problem != null) {
                        errors.add(new FieldError(path.item(i).toString(), problem));
                    }
                }
            }
        } else {
            String problem = scalarProblem(value);
            if (problem != null) {
                errors.add(new FieldError(path.toString(), problem));
            }
        }
    }

    /** Checks the name and the value of property {@code name} of the object at {@code parent}. */
    static void checkProperty(String name, JsonNode value, FieldPath parent, List<FieldError> errors) {
        String nameProblem = StorableText.problem(name);
        if (nameProblem != null) {
            errors.add(new FieldError(parent.property(name).toString(), "name " + nameProblem));
        }
        if (value.isContainer()) {
            check(value, parent.property(name), errors);
        } else {
            // Scalars are checked here so that valid ones need no path object.
            String problem = scalarProblem(value);
            if (problem != null) {
                errors.add(new FieldError(parent.property(name).toString(), problem));
            }
        }
    }

    private static String scalarProblem(JsonNode scalar) {
        if (scalar.isString()) {
            return StorableText.problem(scalar.stringValue());
        }
        if (scalar.isNumber()) {
            return Float64.fractionalProblem(scalar);
        }
        return null;
    }
}
