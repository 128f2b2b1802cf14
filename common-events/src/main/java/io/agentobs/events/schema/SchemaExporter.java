package io.agentobs.events.schema;

import io.agentobs.events.Topic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code <topic>.schema.json} for every topic into a directory: run by the build in {@code process-classes}
 * (into the jar's {@code schemas/}) and on demand to refresh the committed {@code docs/schemas}.
 */
public final class SchemaExporter {

    private SchemaExporter() {
    }

    /** {@code args[0]}: the directory to write into, created if missing. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SchemaExporter <output-directory>");
        }
        export(Path.of(args[0]));
    }

    /** Writes every topic's schema into {@code directory}, replacing older copies. */
    public static void export(Path directory) throws IOException {
        Files.createDirectories(directory);
        EventSchemaGenerator generator = new EventSchemaGenerator();
        for (Topic topic : Topic.values()) {
            Files.writeString(directory.resolve(EventSchemaGenerator.fileName(topic)), generator.schemaJson(topic),
                    StandardCharsets.UTF_8);
        }
    }
}
