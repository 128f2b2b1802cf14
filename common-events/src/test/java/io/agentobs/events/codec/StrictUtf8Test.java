package io.agentobs.events.codec;

import io.agentobs.events.AgentAction;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StrictUtf8Test {

    private static final HexFormat HEX = HexFormat.of();

    private final EventCodec codec = new EventCodec();

    /** {@code {"agent_name":"<prefix><bytes>"}} as bytes. */
    private static byte[] inString(String asciiPrefix, byte[] bytes) {
        byte[] head = ("{\"agent_name\":\"" + asciiPrefix).getBytes(StandardCharsets.US_ASCII);
        byte[] value = Arrays.copyOf(head, head.length + bytes.length + 2);
        System.arraycopy(bytes, 0, value, head.length, bytes.length);
        value[value.length - 2] = '"';
        value[value.length - 1] = '}';
        return value;
    }

    /** Where the JDK's strict decoder finds the first malformed sequence, or -1 when it accepts {@code bytes}. */
    private static int jdkMalformedOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        return result.isError() ? in.position() : -1;
    }

    private static int strictOffset(byte[] bytes) {
        try {
            StrictUtf8.validate(bytes);
            return -1;
        } catch (InvalidEventException rejected) {
            String message = rejected.errors().get(0).message();
            int at = message.indexOf("at byte offset ") + "at byte offset ".length();
            return Integer.parseInt(message.substring(at, message.indexOf(' ', at)));
        }
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', value = {
            "c0af     | 0 | 0xC0 0xAF      | overlong encoding",
            "c181     | 0 | 0xC1 0x81      | overlong encoding",
            "e080af   | 0 | 0xE0 0x80      | overlong encoding",
            "f08282ac | 0 | 0xF0 0x82      | overlong encoding",
            "eda080   | 0 | 0xED 0xA0      | UTF-16 surrogate encoded in UTF-8",
            "edbfbf   | 0 | 0xED 0xBF      | UTF-16 surrogate encoded in UTF-8",
            "f4908080 | 0 | 0xF4 0x90      | code point above U+10FFFF",
            "f5808080 | 0 | 0xF5           | byte that never occurs in UTF-8",
            "ff       | 0 | 0xFF           | byte that never occurs in UTF-8",
            "80       | 0 | 0x80           | continuation byte without a lead byte",
            "e282     | 0 | 0xE2 0x82      | sequence cut short by a byte that is not a continuation byte",
            "61e2     | 1 | 0xE2           | sequence cut short by a byte that is not a continuation byte",
            "f09f98   | 0 | 0xF0 0x9F 0x98 | sequence cut short by a byte that is not a continuation byte"
    })
    void malformedSequenceIsRejectedWithItsOffsetBytesAndReason(String hex, int offsetInBytes, String shown,
            String reason) {
        String prefix = "a long ASCII prefix that crosses the eight-byte fast path ";
        byte[] value = inString(prefix, HEX.parseHex(hex));
        int expectedOffset = "{\"agent_name\":\"".length() + prefix.length() + offsetInBytes;

        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(Topic.AGENT_ACTIONS, value));

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.NOT_UTF8);
        assertThat(rejected.errors()).singleElement().isEqualTo(FieldError.root(
                "payload is not valid UTF-8: malformed byte sequence " + shown + " at byte offset " + expectedOffset
                        + " (" + reason + ")"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"e282", "f09f98", "c3", "f0"})
    void sequenceTruncatedByTheEndOfThePayloadIsRejected(String hex) {
        byte[] prefix = "{\"a\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = HEX.parseHex(hex);
        byte[] value = Arrays.copyOf(prefix, prefix.length + tail.length);
        System.arraycopy(tail, 0, value, prefix.length, tail.length);

        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(Topic.AGENT_ACTIONS, value));

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.NOT_UTF8);
        assertThat(rejected.getMessage()).contains("at byte offset " + prefix.length)
                .contains("sequence truncated by the end of the payload");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c280", "dfbf", "e0a080", "ed9fbf", "ee8080", "efbfbf", "f0908080", "f48fbfbf",
            "efbbbf", "7f"})
    void boundaryCodePointsAreWellFormed(String hex) {
        assertThatCode(() -> StrictUtf8.validate(HEX.parseHex(hex))).doesNotThrowAnyException();
    }

    @Test
    void multiByteTextDecodesUnchanged() throws InvalidEventException {
        String name = "agent-é-€-\uD83D\uDE00-" + "x".repeat(20);
        byte[] value = SeedEvents.withChange(Topic.AGENT_ACTIONS, "agent_name", "\"" + name + "\"");

        AgentAction action = (AgentAction) codec.decode(Topic.AGENT_ACTIONS, value);

        assertThat(action.agentName()).isEqualTo(name);
    }

    @Test
    void acceptsAndRejectsExactlyWhatTheJdkStrictDecoderDoesAtTheSameOffset() {
        Random random = new Random(20_251_020);
        for (int lead = 0; lead < 256; lead++) {
            for (int second = 0; second < 256; second++) {
                for (byte[] tail : new byte[][] {{}, {(byte) 0x80}, {(byte) 0xBF, (byte) 0x80}, {'a', 'b'}}) {
                    byte[] bytes = new byte[2 + tail.length];
                    bytes[0] = (byte) lead;
                    bytes[1] = (byte) second;
                    System.arraycopy(tail, 0, bytes, 2, tail.length);
                    assertThat(strictOffset(bytes)).as("bytes %s", HEX.formatHex(bytes))
                            .isEqualTo(jdkMalformedOffset(bytes));
                }
            }
        }
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(24)];
            for (int b = 0; b < bytes.length; b++) {
                bytes[b] = (byte) (random.nextInt(3) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
            }
            assertThat(strictOffset(bytes)).as("bytes %s", HEX.formatHex(bytes)).isEqualTo(jdkMalformedOffset(bytes));
        }
    }

    @Test
    void nulBytesThatWouldMakeJacksonGuessUtf16AreMalformedJson() {
        byte[] utf16 = "{\"event_id\":1}".getBytes(StandardCharsets.UTF_16LE);

        InvalidEventException rejected = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(Topic.AGENT_ACTIONS, utf16));

        assertThat(rejected.kind()).isEqualTo(InvalidEventException.Kind.MALFORMED_JSON);
        assertThat(rejected.errors()).singleElement().isEqualTo(FieldError.root(
                "malformed JSON: NUL byte at byte offset 1 (JSON text is UTF-8 without raw NULs)"));
    }
}
