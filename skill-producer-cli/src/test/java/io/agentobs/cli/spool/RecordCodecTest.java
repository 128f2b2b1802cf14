package io.agentobs.cli.spool;

import static io.agentobs.cli.spool.SpoolEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The spool record line format: exact round trips and detection of damaged lines. */
class RecordCodecTest {

    static Stream<SpooledEvent> events() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        return Stream.of(
                event("agent-actions", null, "{\"event_id\":\"1\"}"),
                event("agent-actions", "", ""),
                event("tâche-ü", "clé \"quoted\" \\ 日本", "line one\nline two\r\n\"quote\" ünïcödé 🚀"),
                new SpooledEvent("task-executions", "k", everyByte));
    }

    @ParameterizedTest
    @MethodSource("events")
    void decodesWhatItEncodesAsOneJsonLine(SpooledEvent event) {
        byte[] line = RecordCodec.encode(event);

        assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
        assertThat(new String(line, 0, line.length - 1, StandardCharsets.US_ASCII))
                .doesNotContain("\n")
                .startsWith("{\"v\":1,\"crc32c\":\"")
                .endsWith("\"}");
        assertThat(RecordCodec.decode(line, 0, line.length - 1)).isEqualTo(event);
    }

    @Test
    void decodesALineInTheMiddleOfABuffer() {
        SpooledEvent event = event("agent-actions", "key", "value");
        byte[] line = RecordCodec.encode(event);
        byte[] buffer = new byte[line.length + 10];
        System.arraycopy(line, 0, buffer, 5, line.length);

        assertThat(RecordCodec.decode(buffer, 5, 5 + line.length - 1)).isEqualTo(event);
    }

    @Test
    void rejectsEverySingleBitFlip() {
        byte[] line = RecordCodec.encode(event("agent-actions", "key", "{\"event_id\":\"abc\"}"));
        for (int i = 0; i < line.length - 1; i++) {
            byte[] damaged = line.clone();
            damaged[i] ^= 0x01;

            assertThat(RecordCodec.decode(damaged, 0, damaged.length - 1)).as("bit flip at byte %d", i).isNull();
        }
    }

    @Test
    void rejectsTruncatedAndForeignLines() {
        byte[] line = RecordCodec.encode(event("agent-actions", null, "value"));

        assertThat(RecordCodec.decode(line, 0, line.length - 5)).isNull();
        assertThat(RecordCodec.decode(line, 0, 10)).isNull();
        byte[] foreign = "{\"event_id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(RecordCodec.decode(foreign, 0, foreign.length)).isNull();
        assertThat(RecordCodec.decode(new byte[0], 0, 0)).isNull();
    }
}
