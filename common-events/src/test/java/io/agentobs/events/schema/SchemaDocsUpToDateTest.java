package io.agentobs.events.schema;

import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed docs/schemas and the schemas shipped in the jar are exactly what the generator produces now. */
class SchemaDocsUpToDateTest {

    private static final String REFRESH =
            "docs/schemas is stale; refresh it with "
                    + "`./mvnw -q -B -pl common-events process-classes exec:java@update-docs-schemas` and commit it";

    private static final Path DOCS = Path.of(System.getProperty("agentobs.docs.schemas", "../docs/schemas"));

    private final EventSchemaGenerator generator = new EventSchemaGenerator();

    @ParameterizedTest
    @EnumSource(Topic.class)
    void committedSchemaMatchesTheGenerator(Topic topic) throws IOException {
        Path committed = DOCS.resolve(EventSchemaGenerator.fileName(topic));

        assertThat(committed).as(REFRESH).exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8)).as(REFRESH)
                .isEqualTo(generator.schemaJson(topic));
    }

    @Test
    void docsHoldNoSchemaOfAnUnknownTopic() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".schema.json")))
                    .as(REFRESH)
                    .containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(Topic.values()).map(EventSchemaGenerator::fileName).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void jarShipsTheGeneratedSchema(Topic topic) throws IOException {
        try (InputStream shipped = getClass().getResourceAsStream("/schemas/" + EventSchemaGenerator.fileName(topic))) {
            assertThat(shipped).as("schemas/%s in the jar", EventSchemaGenerator.fileName(topic)).isNotNull();
            assertThat(new String(shipped.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(generator.schemaJson(topic));
        }
    }
}
