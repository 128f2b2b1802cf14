package io.agentobs.events.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import io.agentobs.events.AgentEvent;
import io.agentobs.events.Bounds;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventJson;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.function.ToDoubleFunction;

/**
 * Generates the JSON Schema (draft 2020-12) of each topic's event from its record, with victools
 * jsonschema-generator: snake_case names and {@code required} from {@code @JsonProperty}, enums from
 * {@code @JsonValue}, {@code minimum}/{@code maximum} from {@link Bounds}, {@code format} {@code uuid} /
 * {@code date-time}, optional fields nullable, required strings non-blank, unknown properties allowed — the rules
 * the codec's validator enforces.
 *
 * <p>Needs victools on the classpath, which this jar declares optional: it is for the build and for tests.
 */
public final class EventSchemaGenerator {

    /** A required string must contain a non-whitespace character (the validator's "must not be blank"). */
    static final String NON_BLANK_PATTERN = "\\S";

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private final SchemaGenerator generator;

    public EventSchemaGenerator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(EventJson.mapper(),
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.STANDARD_FORMATS, Option.INLINE_ALL_SCHEMAS)
                .with(new JacksonSchemaModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE));
        config.forFields()
                .withIgnoreCheck(field -> field.getAnnotationConsideringFieldAndGetter(JsonAnyGetter.class) != null)
                .withNullableCheck(field -> !isRequired(field))
                .withNumberInclusiveMinimumResolver(field -> bound(field, Bounds::min))
                .withNumberInclusiveMaximumResolver(field -> bound(field, Bounds::max))
                .withStringPatternResolver(field ->
                        isRequired(field) && field.getType().getErasedType() == String.class ? NON_BLANK_PATTERN : null)
                .withDefaultResolver(field -> "schema_version".equals(wireName(field))
                        ? AgentEvent.CURRENT_SCHEMA_VERSION : null);
        config.forTypesInGeneral()
                // Keep the records' declaration order (the seed documents' order) instead of sorting by name.
                .withPropertySorter((first, second) -> 0)
                .withTitleResolver(scope -> titleOf(scope.getType().getErasedType()));
        this.generator = new SchemaGenerator(config.build());
    }

    /** The schema of {@code topic}'s event type. */
    public ObjectNode schemaFor(Topic topic) {
        return generator.generateSchema(topic.eventType());
    }

    /** The schema as the pretty-printed text shipped in the jar and committed under {@code docs/schemas}. */
    public String schemaJson(Topic topic) {
        return EventJson.mapper().writer().with(PRETTY).writeValueAsString(schemaFor(topic)) + "\n";
    }

    /** File name of {@code topic}'s schema: {@code <topic>.schema.json}. */
    public static String fileName(Topic topic) {
        return topic.topicName() + ".schema.json";
    }

    private static String titleOf(Class<?> type) {
        for (Topic topic : Topic.values()) {
            if (topic.eventType() == type) {
                return topic.topicName();
            }
        }
        return null;
    }

    private static boolean isRequired(FieldScope field) {
        JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
        return property != null && property.required();
    }

    private static String wireName(FieldScope field) {
        JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
        return property == null ? null : property.value();
    }

    private static BigDecimal bound(FieldScope field, ToDoubleFunction<Bounds> side) {
        Bounds bounds = field.getAnnotationConsideringFieldAndGetter(Bounds.class);
        if (bounds == null || Double.isInfinite(side.applyAsDouble(bounds))) {
            return null;
        }
        return BigDecimal.valueOf(side.applyAsDouble(bounds)).stripTrailingZeros();
    }
}
