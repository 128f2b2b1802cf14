package io.agentobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Smoke test of the archive drain with a small backlog: every event ends up in an object; a size ratio is given. */
class AuditBacklogIT {

    private static final int EVENTS = 20_000;
    private static final int SIMULATED_EVENTS = 5_000;
    /** The largest simulated trace: routing, metric, transformation, 8 actions, task, 2 files, a pattern. */
    private static final int MAX_TRACE_EVENTS = 16;

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

    @Test
    void simulatedTracesOnEveryTopicAreArchivedAndRatedPerTopic() throws Exception {
        List<AuditRun> runs = AuditBacklog.run(Traffic.SIMULATE, SIMULATED_EVENTS, 1, List.of(500), 1, 1);

        assertThat(runs).hasSize(1);
        AuditRun run = runs.get(0);
        assertThat(run.produced().size()).isBetween(SIMULATED_EVENTS, SIMULATED_EVENTS + MAX_TRACE_EVENTS - 1);
        assertThat(run.rawBefore().events()).isEqualTo(run.produced().size());
        assertThat(run.drains()).hasSize(2).allSatisfy(drain -> {
            long events = drain.drain().events();
            assertThat(events).isBetween((long) SIMULATED_EVENTS, SIMULATED_EVENTS + MAX_TRACE_EVENTS - 1L);
            assertThat(drain.archive().records()).isEqualTo(events);
            assertThat(drain.drain().meters().recordsArchived()).isEqualTo(events);
            assertThat(drain.topics()).extracting(TopicArchiveSize::topic)
                    .containsExactlyElementsOf(Traffic.SIMULATE.topicNames());
            assertThat(drain.topics()).allSatisfy(topic -> {
                assertThat(topic.events()).isPositive();
                assertThat(topic.objects()).isPositive();
                assertThat(topic.ratio()).isPositive();
            });
            assertThat(drain.topics().stream().mapToLong(TopicArchiveSize::events).sum()).isEqualTo(events);
            assertThat(drain.topics().stream().mapToLong(TopicArchiveSize::ndjsonBytes).sum())
                    .isEqualTo(drain.ndjsonBytes());
            assertThat(drain.topics().stream().mapToLong(TopicArchiveSize::archiveBytes).sum())
                    .isEqualTo(drain.archive().bytes());
        });
        assertThat(run.format()).contains("traffic simulate", "by topic:", "failure-patterns");
        assertThat(AuditBacklog.summary(runs)).contains("traffic: simulate");
    }
}
