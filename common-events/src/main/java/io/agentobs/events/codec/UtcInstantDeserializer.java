package io.agentobs.events.codec;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

import java.time.Instant;

/** Reads event timestamps with {@link TimestampFormat}, so offsets are honoured and local times rejected. */
final class UtcInstantDeserializer extends StdScalarDeserializer<Instant> {

    UtcInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getString();
        Instant instant = TimestampFormat.tryParse(text);
        if (instant == null) {
            throw context.weirdStringException(text, Instant.class, TimestampFormat.explainRejection(text));
        }
        return instant;
    }
}
