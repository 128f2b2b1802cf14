package io.agentobs.cli.simulate;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A source file of the simulated repository, with the stable {@code path_id} its quality metrics are keyed by. */
record CodeFile(String path, String pathId, String language, String artifactType) {

    private static final String PATH_ID_NAMESPACE = "agentobs-simulate:path:";

    /** The file at {@code path}; its language and artifact type follow from the name, its id from the path. */
    static CodeFile of(String path) {
        String pathId = UUID.nameUUIDFromBytes((PATH_ID_NAMESPACE + path).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new CodeFile(path, pathId, languageOf(path), artifactTypeOf(path));
    }

    private static String languageOf(String path) {
        if (path.endsWith(".py")) {
            return "python";
        }
        if (path.endsWith(".ts") || path.endsWith(".tsx")) {
            return "typescript";
        }
        if (path.endsWith(".java")) {
            return "java";
        }
        if (path.endsWith(".sql")) {
            return "sql";
        }
        if (path.endsWith(".yml") || path.endsWith(".yaml")) {
            return "yaml";
        }
        if (path.endsWith(".md")) {
            return "markdown";
        }
        if (path.endsWith("Dockerfile")) {
            return "dockerfile";
        }
        return "text";
    }

    private static String artifactTypeOf(String path) {
        if (path.contains("test")) {
            return "test_code";
        }
        if (path.endsWith(".md")) {
            return "documentation";
        }
        if (path.endsWith(".yml") || path.endsWith(".yaml") || path.endsWith("Dockerfile")
                || path.endsWith(".txt")) {
            return "configuration";
        }
        if (path.endsWith(".sql")) {
            return "migration";
        }
        return "source_code";
    }
}
