package io.agentobs.events.codec;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;

/** Keeps an unknown field named like the records' catch-all component ({@code extraFields}) among unknown fields. */
final class AnySetterParameterNaming extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    /**
     * The property name of every {@code @JsonAnySetter} constructor parameter. Jackson also registers that parameter as
     * a property under its Java name, so a field named {@code extraFields} bound to it and was then overwritten by the
     * collected unknown fields. Validation rejects field names containing NUL, so no decoded event has this one.
     */
    static final String PARAMETER_NAME = "\0any-setter";

    @Override
    public PropertyName findNameForDeserialization(MapperConfig<?> config, Annotated annotated) {
        if (annotated instanceof AnnotatedParameter && annotated.hasAnnotation(JsonAnySetter.class)) {
            return PropertyName.construct(PARAMETER_NAME);
        }
        return super.findNameForDeserialization(config, annotated);
    }
}
