package io.agentobs.cli.simulate;

/** The polymorphic agent turning into the routed specialist; when it fails the polymorphic agent works on alone. */
record Transformation(String targetAgent, long durationMs, boolean success, long endOffsetMs) {
}
