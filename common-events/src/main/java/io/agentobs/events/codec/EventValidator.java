package io.agentobs.events.codec;

import io.agentobs.events.Topic;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place events are validated: checks a parsed JSON tree against its topic's record shape and collects every
 * problem (missing or null required fields, wrong JSON types, bad UUIDs, timestamps and enum values, out-of-range
 * or non-finite numbers, strings storage cannot hold) instead of stopping at the first. Optional fields may be absent
 * or JSON null; unknown fields pass if storage can hold them.
 */
// Not final only so that a test can make it fail and check that the codec contains the failure.
class EventValidator {

    /** Built on first use per topic, so a process that handles one topic (the CLI) reads one record's shape. */
    private final Map<Topic, EventShape> shapes = new ConcurrentHashMap<>();

    /** Every problem of {@code root} as an event of {@code topic}, in field order; empty when valid. */
    List<FieldError> validate(Topic topic, JsonNode root) {
        if (!root.isObject()) {
            return List.of(FieldError.root("an event must be a JSON object, got " + JsonTypes.describe(root)));
        }
        List<FieldError> errors = new ArrayList<>();
        shapeOf(topic).check(root, FieldPath.ROOT, errors);
        return errors;
    }

    /**
     * The topic's shape, built on first use. A lookup and putIfAbsent rather than computeIfAbsent with a method
     * reference, which a one-event process would link just for this: two threads may both build a shape at first,
     * which is harmless, as shapes are immutable and equal.
     */
    private EventShape shapeOf(Topic topic) {
        EventShape shape = shapes.get(topic);
        if (shape == null) {
            shape = EventShape.of(topic.eventType());
            EventShape first = shapes.putIfAbsent(topic, shape);
            if (first != null) {
                shape = first;
            }
        }
        return shape;
    }
}
