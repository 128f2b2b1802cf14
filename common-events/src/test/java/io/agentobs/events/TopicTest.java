package io.agentobs.events;

import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.codec.InvalidEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void catalogMatchesSpecTable() {
        assertThat(Arrays.stream(Topic.values()).map(topic -> topic.topicName() + " " + topic.defaultPartitions()
                + " " + topic.retention().toDays() + "d " + topic.keyField() + " "
                + topic.eventType().getSimpleName()))
                .containsExactly(
                        "agent-actions 12 7d correlation_id AgentAction",
                        "agent-routing-decisions 6 30d correlation_id RoutingDecision",
                        "agent-transformation-events 6 30d correlation_id TransformationEvent",
                        "router-performance-metrics 6 30d correlation_id RouterPerformanceMetric",
                        "task-executions 12 90d fingerprint_id TaskExecution",
                        "code-quality-metrics 6 90d path_id CodeQualityMetric",
                        "success-patterns 6 365d pattern_id SuccessPattern",
                        "failure-patterns 6 365d failure_id FailurePattern");
    }

    @Test
    void retentionIsADuration() {
        assertThat(Topic.AGENT_ACTIONS.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(Topic.FAILURE_PATTERNS.retention()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void dlqNameAppendsDlqSuffix() {
        assertThat(Topic.AGENT_ACTIONS.dlqName()).isEqualTo("agent-actions-dlq");
        assertThat(Topic.CODE_QUALITY_METRICS.dlqName()).isEqualTo("code-quality-metrics-dlq");
    }

    @Test
    void byNameFindsEveryTopicAndNothingElse() {
        for (Topic topic : Topic.values()) {
            assertThat(Topic.byName(topic.topicName())).contains(topic);
        }
        assertThat(Topic.byName("agent-actions-dlq")).isEmpty();
        assertThat(Topic.byName("AGENT_ACTIONS")).isEmpty();
        assertThat(Topic.byName(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void keyOfIsTheValueOfTheKeyField(Topic topic) throws InvalidEventException {
        AgentEvent event = codec.decode(topic, SeedEvents.bytes(topic));

        assertThat(topic.keyOf(event))
                .isEqualTo(event.partitionKey())
                .isEqualTo(SeedEvents.tree(topic).get(topic.keyField()).stringValue());
        assertThat(event.topic()).isEqualTo(topic);
    }

    @Test
    void keyOfRejectsAnEventOfAnotherTopic() throws InvalidEventException {
        AgentEvent action = codec.decode(Topic.AGENT_ACTIONS, SeedEvents.bytes(Topic.AGENT_ACTIONS));

        assertThatThrownBy(() -> Topic.TASK_EXECUTIONS.keyOf(action))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TaskExecution");
    }
}
