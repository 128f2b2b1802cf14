package io.agentobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Smoke test of the Redis drain with a small backlog: Redis counts every event sent, and a rate is reported. */
class MetricsBacklogIT {

    private static final int EVENTS = 20_000;

    @Test
    void serviceAggregatesEveryBacklogIntoRedisAndTheRateIsReported() throws Exception {
        List<MetricsRun> runs = MetricsBacklog.run(Traffic.ACTIONS, EVENTS, 1, List.of(0), 1);

        assertThat(runs).hasSize(1);
        MetricsRun run = runs.get(0);
        assertThat(run.drains()).extracting(drain -> drain.drain().events()).containsExactly((long) EVENTS,
                (long) EVENTS);
        assertThat(run.drains()).extracting(MetricsDrain::expected).containsExactly((long) EVENTS, 2L * EVENTS);
        assertThat(run.drains()).allSatisfy(drain -> {
            assertThat(drain.totals().all()).isEqualTo(drain.expected());
            assertThat(drain.drain().meters().aggregated() + drain.drain().meters().late()).isEqualTo(EVENTS);
            assertThat(drain.drain().meters().scriptCalls()).isPositive();
            assertThat(drain.drain().perSecond()).isPositive();
        });
        assertThat(run.rawSteadyPerSecond()).isPositive();
        assertThat(MetricsBacklog.summary(runs)).contains("events/s", "Redis CPU", "raw ev/s");
    }
}
