package io.agentobs.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArchiveVerifierTest {

    private static ArchiveFileInfo file(int partition, long start, long end, long records) {
        return new ArchiveFileInfo("agent-actions", partition, start, end, records, 1, 2);
    }

    @Test
    void contiguousFilesHaveNoGapsOrOverlaps() {
        List<PartitionCoverage> coverage = ArchiveVerifier.verify(List.of(
                file(0, 200, 300, 100), file(0, 0, 100, 100), file(0, 100, 200, 98)));

        assertThat(coverage).containsExactly(new PartitionCoverage(0, 0, 300, 3, 298, List.of(), List.of()));
    }

    @Test
    void singleFileCoversItsRange() {
        assertThat(ArchiveVerifier.verify(List.of(file(4, 10, 20, 10))))
                .containsExactly(new PartitionCoverage(4, 10, 20, 1, 10, List.of(), List.of()));
    }

    @Test
    void missingRangeIsAGap() {
        List<PartitionCoverage> coverage = ArchiveVerifier.verify(List.of(
                file(0, 0, 100, 100), file(0, 150, 200, 50), file(0, 200, 210, 10), file(0, 300, 310, 10)));

        assertThat(coverage).singleElement().satisfies(partition -> {
            assertThat(partition.gaps()).containsExactly(new OffsetRange(100, 150), new OffsetRange(210, 300));
            assertThat(partition.overlaps()).isEmpty();
            assertThat(partition.firstOffset()).isZero();
            assertThat(partition.endOffset()).isEqualTo(310);
        });
    }

    @Test
    void rangeCoveredTwiceIsAnOverlap() {
        List<PartitionCoverage> coverage = ArchiveVerifier.verify(List.of(
                file(0, 0, 100, 100), file(0, 80, 150, 70), file(0, 150, 200, 50), file(0, 150, 200, 50)));

        assertThat(coverage).singleElement().satisfies(partition -> {
            assertThat(partition.overlaps()).containsExactly(new OffsetRange(80, 100), new OffsetRange(150, 200));
            assertThat(partition.gaps()).isEmpty();
            assertThat(partition.files()).isEqualTo(4);
            assertThat(partition.records()).isEqualTo(270);
        });
    }

    @Test
    void fileInsideAnotherOverlapsOnlyByItsOwnRange() {
        List<PartitionCoverage> coverage = ArchiveVerifier.verify(List.of(
                file(0, 0, 100, 100), file(0, 20, 30, 10), file(0, 100, 120, 20)));

        assertThat(coverage).singleElement().satisfies(partition -> {
            assertThat(partition.overlaps()).containsExactly(new OffsetRange(20, 30));
            assertThat(partition.gaps()).isEmpty();
            assertThat(partition.endOffset()).isEqualTo(120);
        });
    }

    @Test
    void partitionsAreReportedSeparatelyInPartitionOrder() {
        List<PartitionCoverage> coverage = ArchiveVerifier.verify(List.of(
                file(2, 0, 10, 10), file(0, 5, 10, 5), file(1, 0, 10, 10), file(0, 12, 20, 8), file(2, 10, 20, 10)));

        assertThat(coverage).extracting(PartitionCoverage::partition).containsExactly(0, 1, 2);
        assertThat(coverage.get(0).gaps()).containsExactly(new OffsetRange(10, 12));
        assertThat(coverage.get(1).gaps()).isEmpty();
        assertThat(coverage.get(2)).isEqualTo(new PartitionCoverage(2, 0, 20, 2, 20, List.of(), List.of()));
    }

    @Test
    void noFilesNoCoverage() {
        assertThat(ArchiveVerifier.verify(List.of())).isEmpty();
    }

    @Test
    void filesOfSeveralTopicsAreRejected() {
        ArchiveFileInfo other = new ArchiveFileInfo("task-executions", 0, 0, 10, 10, 1, 2);

        assertThatThrownBy(() -> ArchiveVerifier.verify(List.of(file(0, 0, 10, 10), other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent-actions")
                .hasMessageContaining("task-executions");
    }
}
