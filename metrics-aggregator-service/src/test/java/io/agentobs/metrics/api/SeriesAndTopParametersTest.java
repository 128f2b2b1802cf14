package io.agentobs.metrics.api;

import static io.agentobs.metrics.api.QueryRangesTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.agentobs.metrics.api.SeriesMetric.Filter;

import org.junit.jupiter.api.Test;

/** The series' metric and filters and the top-N's by and n: what is accepted and every 400. */
class SeriesAndTopParametersTest {

    @Test
    void aMetricWithTheFiltersItTakesIsAccepted() {
        SeriesQuery query = SeriesQuery.parse("events", "agent-actions", null, null, null, null, " ");
        assertThat(query.metric()).isEqualTo(SeriesMetric.EVENTS);
        assertThat(query.byParameter()).containsExactly(Map.entry("topic", "agent-actions"));
        assertThat(SeriesQuery.parse("p95", null, null, "routing_ms", null, null, null).filter(Filter.HISTOGRAM))
                .isEqualTo("routing_ms");
        assertThat(SeriesQuery.parse("mean_quality", null, null, null, null, null, "database").filter(Filter.DOMAIN))
                .isEqualTo("database");
    }

    @Test
    void missingOrUnknownMetricNamesEveryMetric() {
        assertThat(assertInvalid(() -> SeriesQuery.parse(null, null, null, null, null, null, null), "metric", null).allowed())
                .contains("events", "p99", "distinct_correlations", "mean_quality").hasSize(13);
        assertInvalid(() -> SeriesQuery.parse("latency", null, null, null, null, null, null), "metric", "latency");
    }

    @Test
    void aFilterTheMetricDoesNotTakeNamesTheMetricsThatDo() {
        InvalidParameterException e = assertInvalid(
                () -> SeriesQuery.parse("cache_hit_rate", "agent-actions", null, null, null, null, null), "topic", "agent-actions");
        assertThat(e.allowed()).containsExactly("events");
        assertInvalid(() -> SeriesQuery.parse("errors", null, null, "action_ms", null, null, null), "histogram", "action_ms");
    }

    @Test
    void unknownTopicOrHistogramAndAPercentileWithoutHistogramAreRejected() {
        assertThat(assertInvalid(() -> SeriesQuery.parse("events", "agent-action", null, null, null, null, null), "topic",
                "agent-action").allowed()).contains("agent-actions", "task-executions");
        assertThat(assertInvalid(() -> SeriesQuery.parse("p50", null, null, "latency_ms", null, null, null), "histogram",
                "latency_ms").allowed()).containsExactlyElementsOf(SeriesMetric.HISTOGRAMS);
        assertInvalid(() -> SeriesQuery.parse("p99", null, null, null, null, null, null), "histogram", null);
    }

    @Test
    void twoExclusiveFiltersAreRejected() {
        assertInvalid(() -> SeriesQuery.parse("events", "agent-actions", "agent-api", null, null, null, null), "agent",
                "agent-api");
        assertInvalid(() -> SeriesQuery.parse("tasks", null, null, null, null, "debugging", "database"), "domain", "database");
    }

    @Test
    void aPercentileTakesAnAgentForTheHistogramsKeptPerAgentAndAnActionTypeForActionDurations() {
        SeriesQuery perAgent = SeriesQuery.parse("p95", null, "agent-api", "task_ms", null, null, null);
        assertThat(perAgent.byParameter()).containsExactly(Map.entry("agent", "agent-api"), Map.entry("histogram", "task_ms"));
        assertThat(SeriesQuery.parse("p99", null, null, "action_ms", "tool_call", null, null).filter(Filter.ACTION_TYPE))
                .isEqualTo("tool_call");
    }

    @Test
    void aPercentileOfAHistogramNotKeptPerAgentOrPerActionTypeIsRejected() {
        assertThat(assertInvalid(() -> SeriesQuery.parse("p95", null, "agent-api", "routing_ms", null, null, null),
                "histogram", "routing_ms").allowed()).containsExactly("action_ms", "task_ms");
        assertThat(assertInvalid(() -> SeriesQuery.parse("p50", null, null, "task_ms", "tool_call", null, null),
                "histogram", "task_ms").allowed()).containsExactly("action_ms");
        assertInvalid(() -> SeriesQuery.parse("p50", null, "agent-api", "action_ms", "tool_call", null, null),
                "actionType", "tool_call");
        assertInvalid(() -> SeriesQuery.parse("events", null, null, null, "tool_call", null, null), "actionType",
                "tool_call");
    }

    @Test
    void topNDefaultsToVolumeAndTheConfiguredNAndTakesOneToAThousand() {
        assertThat(TopAgentsQuery.parse(null, null, 10)).isEqualTo(new TopAgentsQuery(false, 10));
        assertThat(TopAgentsQuery.parse("errors", "1000", 10)).isEqualTo(new TopAgentsQuery(true, 1000));
        assertThat(TopAgentsQuery.parse("volume", "1", 10).n()).isEqualTo(1);
    }

    @Test
    void topNOutsideOneToAThousandOrNotANumberOrAnUnknownRankingIsRejected() {
        assertThat(assertInvalid(() -> TopAgentsQuery.parse(null, "0", 10), "n", "0").allowed()).containsExactly("1–1000");
        assertInvalid(() -> TopAgentsQuery.parse(null, "1001", 10), "n", "1001");
        assertInvalid(() -> TopAgentsQuery.parse(null, "ten", 10), "n", "ten");
        assertInvalid(() -> TopAgentsQuery.parse(null, "99999999999", 10), "n", "99999999999");
        assertThat(assertInvalid(() -> TopAgentsQuery.parse("latency", null, 10), "by", "latency").allowed())
                .containsExactly("volume", "errors");
    }
}
