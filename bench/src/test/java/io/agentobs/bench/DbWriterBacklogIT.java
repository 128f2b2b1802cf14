package io.agentobs.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke test of the backlog drain with a tiny backlog: the service writes every row, and a ratio is printed. */
class DbWriterBacklogIT {

    @Test
    void serviceDrainsEveryBacklogAndTheRatioIsReported() throws Exception {
        List<BacklogRun> runs = DbWriterBacklog.run(2_000, 1, List.of(500), 1, 0);

        assertThat(runs).hasSize(1);
        BacklogRun run = runs.get(0);
        assertThat(run.phases()).extracting(DrainPhase::events).containsExactly(2_000L, 2_000L);
        assertThat(run.phases()).allSatisfy(phase -> {
            assertThat(phase.perSecond()).isPositive();
            assertThat(phase.meters().rowsInserted()).isEqualTo(2_000);
        });
        assertThat(run.rowsIdentical()).isTrue();
        assertThat(run.copyPerSecond()).isPositive();
        assertThat(DbWriterBacklog.summary(runs)).contains("ratio", "reference consumer");
    }
}
