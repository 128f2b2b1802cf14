package io.agentobs.events.codec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldPathTest {

    @Test
    void rootRendersAsTheWholePayload() {
        assertThat(FieldPath.ROOT).hasToString(FieldError.ROOT);
    }

    @Test
    void propertiesAndItemsRenderAsJsonPath() {
        FieldPath path = FieldPath.ROOT.property("alternatives").item(1).property("confidence_score");

        assertThat(path).hasToString("alternatives[1].confidence_score");
        assertThat(FieldPath.ROOT.property("steps").item(0).item(2)).hasToString("steps[0][2]");
    }

    @Test
    void unstorableCharactersInNamesAreEscaped() {
        FieldPath path = FieldPath.ROOT.property("a\0b").property("c\uD800").property("ok\uD83D\uDE00");

        assertThat(path).hasToString("a\\u0000b.c\\uD800.ok\uD83D\uDE00");
    }
}
