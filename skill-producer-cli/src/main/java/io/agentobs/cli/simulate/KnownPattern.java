package io.agentobs.cli.simulate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A reusable success pattern agents publish after good runs of a task kind, with a stable {@code pattern_id}
 * derived from its name (so the same pattern is republished under the same key).
 */
record KnownPattern(String patternId, String name, String type, List<String> stepNames, List<String> technologies,
        double minQualityScore) {

    private static final String PATTERN_ID_NAMESPACE = "agentobs-simulate:pattern:";

    static KnownPattern workflow(String name, List<String> stepNames, List<String> technologies,
            double minQualityScore) {
        String id = UUID.nameUUIDFromBytes((PATTERN_ID_NAMESPACE + name).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new KnownPattern(id, name, "workflow", List.copyOf(stepNames), List.copyOf(technologies),
                minQualityScore);
    }
}
