package io.agentobs.events.codec;

import io.agentobs.events.AgentEvent;
import io.agentobs.events.SeedEvents;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The envelope read from a validated tree holds what the bound record holds. */
class EventEnvelopeTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(Topic.class)
    void envelopeOfEveryTopicEqualsTheDecodedRecords(Topic topic) throws Exception {
        EventEnvelope envelope = EventEnvelope.of(codec.decodeTree(topic, SeedEvents.bytes(topic)));
        AgentEvent event = codec.decode(topic, SeedEvents.bytes(topic));

        assertThat(envelope).isEqualTo(new EventEnvelope(event.eventId(), event.correlationId(), event.timestamp()));
    }

    @Test
    void upperCaseIdsAndOffsetTimestampsAreNormalisedAsInTheRecord() throws Exception {
        ObjectNode tree = SeedEvents.tree(Topic.AGENT_ACTIONS);
        tree.put("event_id", "7415F61F-AB2F-4961-97F5-A5F5C6499A4D");
        tree.put("timestamp", "2025-10-20T20:30:00.5+02:00");
        byte[] bytes = tree.toString().getBytes(StandardCharsets.UTF_8);

        EventEnvelope envelope = EventEnvelope.of(codec.decodeTree(Topic.AGENT_ACTIONS, bytes));

        assertThat(envelope.eventId()).isEqualTo(UUID.fromString("7415f61f-ab2f-4961-97f5-a5f5c6499a4d"));
        assertThat(envelope.timestamp()).isEqualTo(Instant.parse("2025-10-20T18:30:00.500Z"));
        assertThat(envelope).isEqualTo(envelopeOf(codec.decode(Topic.AGENT_ACTIONS, bytes)));
    }

    @Test
    void timestampAloneIsReadInEveryAcceptedFormAsJavaTimeReadsIt() {
        for (String text : new String[] {"2025-10-20T18:30:00Z", "2025-10-20T18:30:00.123999999Z",
            "1969-12-31T23:59:59.999Z", "2025-10-20T20:30:00.250+02:00", "2025-10-20t18:30:00z",
            "+12025-10-20T18:30:00Z"}) {
            ObjectNode tree = SeedEvents.tree(Topic.AGENT_ACTIONS);
            tree.put("timestamp", text);
            assertThat(EventEnvelope.timestampOf(tree)).as(text)
                    .isEqualTo(java.time.OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT)).toInstant());
        }
    }

    @Test
    void objectWithoutAnEnvelopeIsRefusedByName() {
        ObjectNode tree = SeedEvents.tree(Topic.AGENT_ACTIONS);
        tree.remove("correlation_id");

        assertThatThrownBy(() -> EventEnvelope.of(tree))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("correlation_id");
    }

    private static EventEnvelope envelopeOf(AgentEvent event) {
        return new EventEnvelope(event.eventId(), event.correlationId(), event.timestamp());
    }
}
