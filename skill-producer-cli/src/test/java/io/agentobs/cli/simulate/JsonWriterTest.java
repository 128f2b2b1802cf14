package io.agentobs.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

class JsonWriterTest {

    @Test
    void placesCommasBetweenPropertiesAndArrayItemsAtEveryLevel() {
        JsonWriter json = new JsonWriter().beginObject()
                .field("a", 1)
                .name("b").beginArray().value("x").beginObject().field("c", true).endObject().value(2).endArray()
                .name("d").beginObject().endObject()
                .stringArrayField("e", List.of("p", "q"))
                .endObject();

        assertThat(text(json)).isEqualTo("{\"a\":1,\"b\":[\"x\",{\"c\":true},2],\"d\":{},\"e\":[\"p\",\"q\"]}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersButKeepsUnicode() {
        JsonWriter json = new JsonWriter().beginObject()
                .field("s", "say \"hi\"\\ line\nnext\ttab\u0001 café ✓")
                .endObject();

        assertThat(text(json)).isEqualTo("{\"s\":\"say \\\"hi\\\"\\\\ line\\nnext\\ttab\\u0001 café ✓\"}");
    }

    @Test
    void writesDecimalsWithAtMostThreeDigitsAndNoTrailingZeros() {
        JsonWriter json = new JsonWriter().beginArray()
                .decimal(0.92).decimal(1.0).decimal(0.0).decimal(0.12345).decimal(87.5).decimal(0.9996).decimal(-0.25)
                .endArray();

        assertThat(text(json)).isEqualTo("[0.92,1.0,0.0,0.123,87.5,1.0,-0.25]");
    }

    @Test
    void resetStartsANewDocument() {
        JsonWriter json = new JsonWriter();
        json.beginObject().field("old", 1).endObject();

        json.reset().beginObject().field("new", 2).endObject();

        assertThat(text(json)).isEqualTo("{\"new\":2}");
    }

    @Test
    void writesTimestampsAsUtcStrings() {
        JsonWriter json = new JsonWriter().beginObject().timestampField("timestamp", 1_760_985_000_123L).endObject();

        assertThat(text(json)).isEqualTo("{\"timestamp\":\"2025-10-20T18:30:00.123Z\"}");
    }

    private static String text(JsonWriter json) {
        return new String(json.toUtf8(), StandardCharsets.UTF_8);
    }
}
