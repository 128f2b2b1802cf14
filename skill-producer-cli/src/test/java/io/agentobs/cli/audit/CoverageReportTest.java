package io.agentobs.cli.audit;

import io.agentobs.audit.archive.OffsetRange;
import io.agentobs.audit.archive.PartitionCoverage;
import io.agentobs.cli.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageReportTest {

    private static final TimeWindow ALL = new TimeWindow(null, null);

    private static final PartitionCoverage WHOLE = new PartitionCoverage(0, 0, 300, 3, 300, List.of(), List.of());
    private static final PartitionCoverage HOLED = new PartitionCoverage(1, 100, 900, 5, 620,
            List.of(new OffsetRange(200, 250), new OffsetRange(400, 530)), List.of(new OffsetRange(700, 710)));

    @Test
    void textHasATablePerTopicWithEveryGapAndOverlapOnItsOwnLine() {
        CoverageReport report = new CoverageReport("s3://audit/", ALL,
                List.of(new TopicCoverage("agent-actions", List.of(WHOLE, HOLED), 0),
                        new TopicCoverage("task-executions", List.of(), 0)), 42);

        assertThat(report.text()).isEqualTo("""
                audit archive s3://audit/, files of all hours

                agent-actions: 8 files, 920 records in 2 partitions: 2 gaps (180 offsets missing), 1 overlap
                  partition  files  first offset  end offset  records  gaps [from, to) count  overlaps [from, to) count
                          0      3             0         300      300  -                      -
                          1      5           100         900      620  [200, 250) 50          [700, 710) 10
                                                                       [400, 530) 130

                task-executions: no archive files

                NOT CONTIGUOUS: 2 gaps (180 offsets missing), 1 overlap in 2 topics
                """);
        assertThat(report.contiguous()).isFalse();
    }

    @Test
    void contiguousTextSaysSoAndNamesTheHoursListed() {
        TimeWindow window = new TimeWindow(Instant.parse("2026-11-24T10:00:00Z"),
                Instant.parse("2026-11-24T12:00:00Z"));
        CoverageReport report = new CoverageReport("s3://audit/", window,
                List.of(new TopicCoverage("agent-actions", List.of(WHOLE), 2)), 42);

        assertThat(report.text())
                .contains("files of the hours from 2026-11-24T09:00:00Z (an hour before --from) to "
                        + "2026-11-24T12:00:00Z (--to)")
                .contains("agent-actions: 3 files, 300 records in 1 partition (2 deleted while listed): contiguous")
                .endsWith("OK: contiguous in 1 topic\n");
        assertThat(report.contiguous()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTotalsAndEachRangeWithItsCount() {
        CoverageReport report = new CoverageReport("s3://audit/", ALL,
                List.of(new TopicCoverage("agent-actions", List.of(WHOLE, HOLED), 1)), 42);

        Map<String, Object> json = report.json();

        assertThat(json).containsEntry("success", false).containsEntry("contiguous", false)
                .containsEntry("gaps", 2L).containsEntry("missing_offsets", 180L).containsEntry("overlaps", 1L)
                .containsEntry("from", null).containsEntry("elapsed_ms", 42L);
        Map<String, Object> topic = ((List<Map<String, Object>>) json.get("topics")).get(0);
        assertThat(topic).containsEntry("files", 8L).containsEntry("records", 920L).containsEntry("vanished_files", 1L);
        Map<String, Object> partition = ((List<Map<String, Object>>) topic.get("partitions")).get(1);
        assertThat(partition).containsEntry("partition", 1).containsEntry("first_offset", 100L)
                .containsEntry("end_offset", 900L);
        assertThat((List<Map<String, Object>>) partition.get("gaps")).containsExactly(
                Map.of("from", 200L, "to", 250L, "count", 50L), Map.of("from", 400L, "to", 530L, "count", 130L));
        assertThat((List<Map<String, Object>>) partition.get("overlaps"))
                .containsExactly(Map.of("from", 700L, "to", 710L, "count", 10L));
    }
}
