package io.agentobs.events.codec;

import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PayloadGuardTest {

    private final EventCodec codec = new EventCodec();

    private InvalidEventException rejection(EventCodec with, byte[] value) {
        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> with.decode(Topic.AGENT_ACTIONS, value));
        assertThat(rejected).as("value must be rejected").isNotNull();
        return rejected;
    }

    private InvalidEventException rejection(String value) {
        return rejection(codec, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void defaultLimitIsOneMebibyte() {
        assertThat(codec.maxPayloadBytes()).isEqualTo(1_048_576);
    }

    @Test
    void payloadOverTheLimitIsTooLarge() {
        byte[] seed = SeedEvents.bytes(Topic.AGENT_ACTIONS);
        EventCodec small = new EventCodec(seed.length - 1);

        InvalidEventException rejected = rejection(small, seed);

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.TOO_LARGE);
        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(FieldError.ROOT);
            assertThat(error.message()).contains(seed.length + " bytes").contains("limit of " + (seed.length - 1));
        });
    }

    @Test
    void payloadExactlyAtTheLimitIsAccepted() throws InvalidEventException {
        byte[] seed = SeedEvents.bytes(Topic.AGENT_ACTIONS);

        assertThat(new EventCodec(seed.length).decode(Topic.AGENT_ACTIONS, seed)).isNotNull();
    }

    @Test
    void nonPositiveLimitIsRefused() {
        assertThatThrownBy(() -> new EventCodec(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latin1BytesAreRejectedWithTheirByteOffset() {
        byte[] prefix = "{\"agent_name\": \"caf".getBytes(StandardCharsets.UTF_8);
        byte[] value = Arrays.copyOf(prefix, prefix.length + 3);
        value[prefix.length] = (byte) 0xE9; // 'é' in ISO-8859-1, a lone continuation-less lead byte in UTF-8
        value[prefix.length + 1] = '"';
        value[prefix.length + 2] = '}';

        InvalidEventException rejected = rejection(codec, value);

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.NOT_UTF8);
        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(FieldError.ROOT);
            assertThat(error.message()).contains("byte offset " + prefix.length).contains("0xE9");
        });
    }

    @Test
    void overlongUtf8EncodingIsRejected() {
        byte[] value = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};

        InvalidEventException rejected = rejection(codec, value);

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.NOT_UTF8);
        assertThat(rejected.getMessage()).contains("byte offset 6");
    }

    @Test
    void byteOrderMarkIsIgnored() throws InvalidEventException {
        byte[] seed = SeedEvents.bytes(Topic.AGENT_ACTIONS);
        byte[] withBom = new byte[seed.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(seed, 0, withBom, 3, seed.length);

        assertThat(codec.decode(Topic.AGENT_ACTIONS, withBom)).isEqualTo(codec.decode(Topic.AGENT_ACTIONS, seed));
    }

    @Test
    void malformedJsonIsRejectedWithLineAndColumn() {
        InvalidEventException rejected = rejection("{\n  \"event_id\": \"x\",\n  oops\n}");

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.MALFORMED_JSON);
        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(FieldError.ROOT);
            assertThat(error.message()).startsWith("malformed JSON: ").contains("line 3, column");
        });
    }

    @Test
    void truncatedJsonIsMalformed() {
        String seed = new String(SeedEvents.bytes(Topic.AGENT_ACTIONS), StandardCharsets.UTF_8);

        assertThat(rejection(seed.substring(0, seed.length() / 2)).kind())
                .isEqualTo(InvalidEventException.Kind.MALFORMED_JSON);
    }

    @Test
    void trailingContentAfterTheEventIsMalformed() {
        String seed = new String(SeedEvents.bytes(Topic.AGENT_ACTIONS), StandardCharsets.UTF_8);

        assertThat(rejection(seed + " {}").kind()).isEqualTo(InvalidEventException.Kind.MALFORMED_JSON);
    }

    @Test
    void duplicateKeysAreMalformed() {
        String seed = new String(SeedEvents.bytes(Topic.AGENT_ACTIONS), StandardCharsets.UTF_8);
        String duplicated = seed.replaceFirst("\\{", "{\"agent_name\": \"shadow\", ");

        InvalidEventException rejected = rejection(duplicated);

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.MALFORMED_JSON);
        assertThat(rejected.getMessage()).contains("agent_name");
    }

    @Test
    void emptyPayloadIsMalformed() {
        assertThat(rejection("").errors()).containsExactly(FieldError.root("payload is empty"));
        assertThat(rejection("  \n ").kind()).isEqualTo(InvalidEventException.Kind.MALFORMED_JSON);
    }

    @Test
    void nullRecordValueIsMalformed() {
        InvalidEventException rejected = rejection(codec, null);

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.MALFORMED_JSON);
        assertThat(rejected.getMessage()).contains("tombstone");
    }

    @Test
    void topLevelArrayIsNotAnEvent() {
        InvalidEventException rejected = rejection("[{\"event_id\": 1}]");

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.SCHEMA_INVALID);
        assertThat(rejected.errors()).containsExactly(
                FieldError.root("an event must be a JSON object, got array"));
    }

    @Test
    void topLevelScalarsAreNotEvents() {
        assertThat(rejection("null").errors()).containsExactly(
                FieldError.root("an event must be a JSON object, got null"));
        assertThat(rejection("\"agent-actions\"").getMessage()).contains("got string \"agent-actions\"");
        assertThat(rejection("42").getMessage()).contains("got number 42");
    }
}
