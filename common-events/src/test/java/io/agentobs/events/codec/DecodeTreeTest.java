package io.agentobs.events.codec;

import io.agentobs.events.InvalidEventCases;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code decodeTree}, the producers' entry, accepts and rejects exactly what {@code decode} does. */
class DecodeTreeTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(Topic.class)
    void validEventComesBackAsItsJsonTreeUnchanged(Topic topic) throws Exception {
        ObjectNode tree = codec.decodeTree(topic, SeedEvents.bytes(topic));

        assertThat(tree).isEqualTo(SeedEvents.tree(topic));
        assertThat(codec.decode(topic, SeedEvents.bytes(topic)).partitionKey())
                .isEqualTo(tree.get(topic.keyField()).asString());
    }

    static Stream<InvalidEventCases.Case> invalidEvents() {
        return InvalidEventCases.all();
    }

    @ParameterizedTest
    @MethodSource("invalidEvents")
    void invalidEventIsRejectedWithTheSameErrorsAsDecode(InvalidEventCases.Case invalid) {
        InvalidEventException fromTree = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decodeTree(invalid.topic(), invalid.payload()));
        InvalidEventException fromDecode = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(invalid.topic(), invalid.payload()));

        assertThat(fromTree).as(invalid.toString()).isNotNull();
        assertThat(fromTree.kind()).isEqualTo(fromDecode.kind());
        assertThat(fromTree.errors()).isEqualTo(fromDecode.errors());
    }
}
