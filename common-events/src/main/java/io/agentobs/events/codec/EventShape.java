package io.agentobs.events.codec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.agentobs.events.Bounds;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field rules of one event record (or nested record), read once from its components' {@code @JsonProperty}
 * (name, required) and {@link Bounds} annotations and Java types — the same annotations the JSON Schema export
 * reads. The catch-all {@code extraFields} component has no rule: unknown fields are always allowed, as long as
 * storage can hold their names and values (see {@link FreeFormContent}).
 */
final class EventShape {

    private final List<FieldRule> rules;
    private final Set<String> names;
    /** The rules' paths when the object is the event itself, built once instead of per event. */
    private final FieldPath[] topLevelPaths;

    // Plain loops rather than streams here and in of(): shapes are built once per process, and in the CLI, a
    // process per event, linking a stream pipeline's lambdas costs more than the loops.
    private EventShape(List<FieldRule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> ruleNames = new HashSet<>();
        this.topLevelPaths = new FieldPath[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            ruleNames.add(rules.get(i).name());
            topLevelPaths[i] = FieldPath.ROOT.property(rules.get(i).name());
        }
        this.names = Set.copyOf(ruleNames);
    }

    static EventShape of(Class<?> recordType) {
        if (!recordType.isRecord()) {
            throw new IllegalArgumentException(recordType + " is not a record");
        }
        List<FieldRule> rules = new ArrayList<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            Method accessor = accessor(recordType, component);
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

    /**
     * The accessor of {@code component} from the class's reflection cache. {@link RecordComponent#getAccessor()}
     * gives a fresh method each time, whose annotations are parsed again; this one shares them with every other
     * reader of the same class (the CLI reads them to build its options), which a one-event process notices.
     */
    private static Method accessor(Class<?> recordType, RecordComponent component) {
        try {
            return recordType.getDeclaredMethod(component.getName());
        } catch (NoSuchMethodException impossible) {
            return component.getAccessor();
        }
    }

    /** Checks every rule, then every unknown field, of {@code object}, which sits at {@code path}. */
    void check(JsonNode object, FieldPath path, List<FieldError> errors) {
        for (int i = 0; i < rules.size(); i++) {
            FieldRule rule = rules.get(i);
            FieldPath fieldPath = path.isRoot() ? topLevelPaths[i] : path.property(rule.name());
            JsonNode value = object.get(rule.name());
            if (value == null || value.isMissingNode()) {
                if (rule.required()) {
                    errors.add(new FieldError(fieldPath.toString(), "is required"));
                }
            } else if (value.isNull()) {
                if (rule.required()) {
                    errors.add(new FieldError(fieldPath.toString(), "must not be null"));
                }
            } else {
                rule.type().check(value, fieldPath, errors);
            }
        }
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            if (!names.contains(property.getKey())) {
                FreeFormContent.checkProperty(property.getKey(), property.getValue(), path, errors);
            }
        }
    }
}
