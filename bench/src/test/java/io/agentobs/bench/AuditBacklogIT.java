package io.agentobs.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke test of the archive drain with a small backlog: every event ends up in an object; a size ratio is given. */
class AuditBacklogIT {

    private static final int EVENTS = 20_000;

    @Test
    void serviceArchivesEveryBacklogAndTheSizeRatioIsReported() throws Exception {
        List<AuditRun> runs = AuditBacklog.run(EVENTS, 1, List.of(500), 1, 1);

        assertThat(runs).hasSize(1);
        AuditRun run = runs.get(0);
        assertThat(run.drains()).extracting(drain -> drain.drain().events()).containsExactly((long) EVENTS,
                (long) EVENTS);
        assertThat(run.drains()).allSatisfy(drain -> {
            assertThat(drain.archive().records()).isEqualTo(EVENTS);
            assertThat(drain.archive().objects()).isNotEmpty();
            assertThat(drain.drain().meters().recordsArchived()).isEqualTo(EVENTS);
            assertThat(drain.sizeRatio()).isPositive();
        });
        assertThat(run.rawSteadyPerSecond()).isPositive();
        assertThat(AuditBacklog.summary(runs)).contains("bytes/", "raw ev/s");
    }
}
