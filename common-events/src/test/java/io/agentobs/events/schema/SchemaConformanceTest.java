package io.agentobs.events.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.agentobs.events.InvalidEventCases;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.codec.EventJson;
import io.agentobs.events.codec.FieldError;
import io.agentobs.events.codec.InvalidEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The exported schemas describe the same events the codec accepts: checked with an independent JSON Schema
 * 2020-12 validator (format assertions on) against the seed examples and the invalid-event table.
 */
class SchemaConformanceTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Map<Topic, Schema> SCHEMAS = new EnumMap<>(Topic.class);

    private final EventSchemaGenerator generator = new EventSchemaGenerator();
    private final EventCodec codec = new EventCodec();

    private static Schema schema(Topic topic) {
        return SCHEMAS.computeIfAbsent(topic,
                key -> REGISTRY.getSchema(new EventSchemaGenerator().schemaFor(key)));
    }

    private static List<Error> schemaErrors(Topic topic, byte[] event) {
        return schema(topic).validate(EventJson.mapper().readTree(event));
    }

    static Stream<InvalidEventCases.Case> schemaExpressibleCases() {
        return InvalidEventCases.all().filter(InvalidEventCases.Case::schemaExpressible);
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void seedExampleValidatesAgainstItsSchema(Topic topic) {
        assertThat(schemaErrors(topic, SeedEvents.bytes(topic))).isEmpty();
    }

    @Test
    void seed000ExampleValidatesAgainstTheAgentActionsSchema() {
        assertThat(schema(Topic.AGENT_ACTIONS).validate(
                EventJson.mapper().readTree(SeedEvents.bytes(SeedEvents.AGENT_ACTIONS_SEED_000)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyRequiredFieldOfTheSchemaIsInTheSeedExample(Topic topic) {
        JsonNode schema = generator.schemaFor(topic);
        ObjectNode seed = SeedEvents.tree(topic);

        assertThat(schema.get("required").valueStream().map(JsonNode::stringValue))
                .isNotEmpty()
                .allSatisfy(field -> assertThat(seed.has(field)).as("seed has %s", field).isTrue());
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void codecRequiresExactlyTheSchemasRequiredFields(Topic topic) {
        List<String> schemaRequired = generator.schemaFor(topic).get("required").valueStream()
                .map(JsonNode::stringValue).toList();
        ObjectNode empty = EventJson.mapper().createObjectNode();

        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(topic, EventJson.mapper().writeValueAsBytes(empty)));

        assertThat(rejected.errors()).extracting(FieldError::field).containsExactlyElementsOf(schemaRequired);
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void schemaDeclaresEveryFieldOfTheSeedExample(Topic topic) {
        JsonNode properties = generator.schemaFor(topic).get("properties");
        List<String> undeclared = new ArrayList<>();
        SeedEvents.tree(topic).propertyNames().forEach(name -> {
            if (!properties.has(name)) {
                undeclared.add(name);
            }
        });

        assertThat(undeclared).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaExpressibleCases")
    void schemaRejectsWhatTheCodecRejects(InvalidEventCases.Case invalid) {
        assertThat(schemaErrors(invalid.topic(), invalid.payload())).as("schema errors for %s", invalid).isNotEmpty();
    }

    @Test
    void schemaDeclaresRangesEnumsAndFormats() {
        JsonNode routing = generator.schemaFor(Topic.AGENT_ROUTING_DECISIONS);
        JsonNode actions = generator.schemaFor(Topic.AGENT_ACTIONS);
        JsonNode quality = generator.schemaFor(Topic.CODE_QUALITY_METRICS);

        assertThat(routing.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(routing.at("/properties/confidence_score/minimum").intValue()).isZero();
        assertThat(routing.at("/properties/confidence_score/maximum").intValue()).isEqualTo(1);
        assertThat(routing.at("/properties/alternatives/items/properties/confidence_score/maximum").intValue())
                .isEqualTo(1);
        assertThat(quality.at("/properties/test_coverage/maximum").intValue()).isEqualTo(100);
        assertThat(actions.at("/properties/action_type/enum").valueStream().map(JsonNode::stringValue))
                .containsExactly("tool_call", "decision", "error", "success");
        assertThat(actions.at("/properties/event_id/format").stringValue()).isEqualTo("uuid");
        assertThat(actions.at("/properties/timestamp/format").stringValue()).isEqualTo("date-time");
        assertThat(actions.at("/properties/schema_version/minimum").intValue()).isEqualTo(1);
        assertThat(actions.at("/properties/schema_version/default").intValue()).isEqualTo(1);
        assertThat(actions.has("additionalProperties")).as("unknown fields stay allowed").isFalse();
        assertThat(actions.at("/properties").has("extraFields")).isFalse();
    }

    @Test
    void schemaAcceptsUnknownFieldsLikeTheCodec() {
        ObjectNode future = SeedEvents.tree(Topic.AGENT_ACTIONS);
        future.put("added_in_v2", "value");

        assertThat(schema(Topic.AGENT_ACTIONS).validate(future)).isEmpty();
    }
}
