package io.agentobs.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inclusive numeric range of an event field; read by the codec's validator and by the JSON Schema export, so the
 * two never disagree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Bounds {

    /** Smallest allowed value, inclusive. */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value, inclusive. */
    double max() default Double.POSITIVE_INFINITY;
}
