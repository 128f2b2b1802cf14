package io.agentobs.cli.log;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One field of an event record as a command-line option: {@code agent_name} becomes {@code --agent-name}, with the
 * field's JSON kind and whether the event requires it.
 *
 * @param name the JSON field name
 * @param option the option's long name
 * @param kind how the option's text becomes JSON
 * @param required whether the event is invalid without it
 * @param enumValues the allowed values when the field is an enum, else empty
 */
record EventField(String name, String option, FieldKind kind, boolean required, List<String> enumValues) {

    /** The fields of {@code recordType} in declaration order, the catch-all for unknown fields excluded. */
    static List<EventField> of(Class<?> recordType) {
        List<EventField> fields = new ArrayList<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            Method accessor = accessor(recordType, component);
            JsonProperty property = accessor.getAnnotation(JsonProperty.class);
            if (property == null || accessor.isAnnotationPresent(JsonAnyGetter.class)) {
                continue;
            }
            List<String> enumValues = new ArrayList<>();
            if (component.getType().isEnum()) {
                for (Object constant : component.getType().getEnumConstants()) {
                    enumValues.add(constant.toString().toLowerCase(Locale.ROOT));
                }
            }
            fields.add(new EventField(property.value(), optionName(property.value()),
                    FieldKind.of(component.getGenericType()), property.required(), List.copyOf(enumValues)));
        }
        return fields;
    }

    /**
     * The accessor from the class's reflection cache, whose annotations the event codec reads too: parsed once for
     * both ({@link RecordComponent#getAccessor()} gives a fresh method whose annotations are parsed again).
     */
    private static Method accessor(Class<?> recordType, RecordComponent component) {
        try {
            return recordType.getDeclaredMethod(component.getName());
        } catch (NoSuchMethodException impossible) {
            return component.getAccessor();
        }
    }

    static String optionName(String field) {
        // concat rather than +, whose first use at each site links a method handle chain: this runs for every field
        // of every log-* command.
        return "--".concat(field.replace('_', '-'));
    }
}
