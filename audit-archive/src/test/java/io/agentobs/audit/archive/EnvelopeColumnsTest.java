package io.agentobs.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;

import org.junit.jupiter.api.Test;

/** The envelope columns hold the validated event's ids, time, agent and kind per topic. */
class EnvelopeColumnsTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void actionNamesItsAgentAndActionTypeWithCanonicalIdsAndMicroseconds() throws Exception {
        String json = "{\"event_id\":\"7415F61F-AB2F-4961-97F5-A5F5C6499A4D\","
                + "\"correlation_id\":\"0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d\","
                + "\"timestamp\":\"2026-11-24T05:30:00.123456+01:00\",\"agent_name\":\"agent-coder\","
                + "\"action_type\":\"tool_call\",\"action_name\":\"Read\"}";

        EnvelopeColumns columns = EnvelopeColumns.of(Topic.AGENT_ACTIONS,
                codec.decodeTree(Topic.AGENT_ACTIONS, json.getBytes(StandardCharsets.UTF_8)));

        assertThat(columns).isEqualTo(new EnvelopeColumns("7415f61f-ab2f-4961-97f5-a5f5c6499a4d",
                "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", 1_795_494_600_123_456L, "agent-coder", "tool_call"));
    }

    @Test
    void topicsWithoutAnAgentOrKindLeaveThoseColumnsEmpty() throws Exception {
        for (Topic topic : Topic.values()) {
            EnvelopeColumns columns = EnvelopeColumns.of(topic, codec.decodeTree(topic, io.agentobs.events.SeedEvents.bytes(topic)));
            assertThat(columns.eventId()).isNotNull();
            assertThat(columns.agent() != null).as("agent of %s", topic).isEqualTo(topic == Topic.AGENT_ACTIONS
                    || topic == Topic.AGENT_ROUTING_DECISIONS || topic == Topic.TASK_EXECUTIONS
                    || topic == Topic.AGENT_TRANSFORMATION_EVENTS);
            assertThat(columns.eventType() != null).as("kind of %s", topic).isEqualTo(topic == Topic.AGENT_ACTIONS
                    || topic == Topic.TASK_EXECUTIONS || topic == Topic.SUCCESS_PATTERNS
                    || topic == Topic.FAILURE_PATTERNS);
        }
    }
}
