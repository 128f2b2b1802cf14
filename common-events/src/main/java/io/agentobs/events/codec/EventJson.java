package io.agentobs.events.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;

/**
 * The Jackson configuration of the event wire format, for every module that reads or writes events (the codec, the
 * CLI, services exposing events over HTTP), so all of them serialise the same way.
 *
 * <p>Reading: duplicate keys and trailing content are errors; timestamps go through {@link TimestampFormat}; an
 * unknown field named like the records' {@code extraFields} component stays an unknown field
 * ({@link AnySetterParameterNaming}).
 * Writing: nulls are left out, properties keep the records' declaration order (the seed documents' order),
 * timestamps are UTC ISO-8601 strings. Field names come from the records' {@code @JsonProperty} annotations.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = builder().build();

    private EventJson() {
    }

    /** The shared, immutable, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A builder preconfigured like {@link #mapper()}, for callers that need to add to the configuration. */
    public static JsonMapper.Builder builder() {
        SimpleModule timestamps = new SimpleModule("agentobs-event-timestamps")
                .addDeserializer(Instant.class, new UtcInstantDeserializer())
                .addSerializer(Instant.class, new UtcInstantSerializer());
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .annotationIntrospector(new AnySetterParameterNaming())
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .addModule(timestamps);
    }
}
