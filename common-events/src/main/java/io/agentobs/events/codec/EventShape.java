package io.agentobs.events.codec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.agentobs.events.Bounds;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The field rules of one event record (or nested record), read once from its components' {@code @JsonProperty}
 * (name, required) and {@link Bounds} annotations and Java types — the same annotations the JSON Schema export
 * reads. The catch-all {@code extraFields} component is skipped: unknown fields are always allowed.
 */
final class EventShape {

    private final List<FieldRule> rules;

    private EventShape(List<FieldRule> rules) {
        this.rules = List.copyOf(rules);
    }

    static EventShape of(Class<?> recordType) {
        if (!recordType.isRecord()) {
            throw new IllegalArgumentException(recordType + " is not a record");
        }
        List<FieldRule> rules = new ArrayList<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            Method accessor = component.getAccessor();
            if (accessor.isAnnotationPresent(JsonAnyGetter.class)) {
                continue;
            }
            JsonProperty property = accessor.getAnnotation(JsonProperty.class);
            if (property == null) {
                throw new IllegalStateException(recordType.getSimpleName() + "." + component.getName()
                        + " needs @JsonProperty with its wire name");
            }
            ValueType type = ValueType.of(component.getGenericType(), property.required(),
                    component.getAnnotation(Bounds.class));
            rules.add(new FieldRule(property.value(), property.required(), type));
        }
        return new EventShape(rules);
    }

    /** Checks every rule against {@code object}; {@code path} is the object's own path, empty at the top level. */
    void check(JsonNode object, String path, List<FieldError> errors) {
        for (FieldRule rule : rules) {
            String fieldPath = path.isEmpty() ? rule.name() : path + "." + rule.name();
            JsonNode value = object.get(rule.name());
            if (value == null || value.isMissingNode()) {
                if (rule.required()) {
                    errors.add(new FieldError(fieldPath, "is required"));
                }
            } else if (value.isNull()) {
                if (rule.required()) {
                    errors.add(new FieldError(fieldPath, "must not be null"));
                }
            } else {
                rule.type().check(value, fieldPath, errors);
            }
        }
    }
}
