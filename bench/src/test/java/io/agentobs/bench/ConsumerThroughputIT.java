package io.agentobs.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke test of the consumer throughput run with a tiny event count: all three consumers see every event. */
class ConsumerThroughputIT {

    @Test
    void everyConsumerSeesEveryEvent() throws Exception {
        List<ThroughputReport> reports = ConsumerThroughput.run(2_000, 1);

        assertThat(reports).hasSize(1);
        ThroughputReport report = reports.get(0);

        assertThat(report.runs()).hasSize(1 + ConsumerThroughput.AGENTOBS_BATCH_SIZES.length);
        assertThat(report.runs()).allSatisfy(run -> {
            assertThat(run.seen()).isEqualTo(2_000);
            assertThat(run.eventsPerSecond()).isPositive();
        });
        assertThat(report.format()).contains("ratio agentobs common-consumer, batch-size 500 / raw");
    }
}
