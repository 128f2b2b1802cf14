package io.agentobs.events.codec;

/** The rule for one JSON field of an event: its name, whether it must be present and non-null, and its type. */
record FieldRule(String name, boolean required, ValueType type) {
}
