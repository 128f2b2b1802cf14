package io.agentobs.events.codec;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdScalarSerializer;

import java.time.Instant;

/** Writes event timestamps with {@link TimestampFormat}: ISO-8601 in UTC with a {@code Z}. */
final class UtcInstantSerializer extends StdScalarSerializer<Instant> {

    UtcInstantSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializationContext context)
            throws JacksonException {
        generator.writeString(TimestampFormat.format(value));
    }
}
