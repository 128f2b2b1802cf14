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
            Method accessor = component.getAccessor();
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

    static String optionName(String field) {
        return "--" + field.replace('_', '-');
    }
}
