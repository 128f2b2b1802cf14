package io.agentobs.dbwriter.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.agentobs.events.Topic;

import org.junit.jupiter.api.Test;

/** Retention periods: the catalog's by default, overridable by topic or table name in any spelling. */
class RetentionPeriodsTest {

    @Test
    void defaultsAreTheTopicsRetention() {
        Map<Topic, Duration> periods = RetentionPeriods.of(Map.of()).periods();
        assertThat(periods.get(Topic.AGENT_ACTIONS)).isEqualTo(Duration.ofDays(7));
        assertThat(periods.get(Topic.AGENT_ROUTING_DECISIONS)).isEqualTo(Duration.ofDays(30));
        assertThat(periods.get(Topic.TASK_EXECUTIONS)).isEqualTo(Duration.ofDays(90));
        assertThat(periods.get(Topic.FAILURE_PATTERNS)).isEqualTo(Duration.ofDays(365));
        assertThat(periods).hasSize(Topic.values().length);
    }

    @Test
    void overridesMatchTopicOrTableNamesInAnySpelling() {
        Map<Topic, Duration> periods = RetentionPeriods.of(Map.of(
                "agent-actions", Duration.ofDays(14),
                "execution_paths", Duration.ofDays(180),
                "codequalitymetrics", Duration.ofDays(10))).periods();
        assertThat(periods.get(Topic.AGENT_ACTIONS)).isEqualTo(Duration.ofDays(14));
        assertThat(periods.get(Topic.TASK_EXECUTIONS)).isEqualTo(Duration.ofDays(180));
        assertThat(periods.get(Topic.CODE_QUALITY_METRICS)).isEqualTo(Duration.ofDays(10));
    }

    @Test
    void unknownNameOrNonPositivePeriodIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> RetentionPeriods.of(Map.of("agent-acts", Duration.ofDays(1))))
                .hasMessageContaining("agentobs.db-writer.retention.periods.agent-acts").hasMessageContaining("agent-actions");
        assertThatThrownBy(() -> RetentionPeriods.of(Map.of("agent-actions", Duration.ZERO)))
                .hasMessageContaining("must be a positive duration");
    }
}
