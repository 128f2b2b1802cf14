package io.agentobs.cli.replay;

import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.cli.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSelectionTest {

    private static final Instant FROM = Instant.parse("2026-11-24T10:00:00Z");
    private static final TimeWindow WINDOW = new TimeWindow(FROM, FROM.plusSeconds(3600));

    private static ArchivedRecord record(int partition, long offset, Instant timestamp, String deadLetter) {
        return new ArchivedRecord("agent-actions", partition, offset, timestamp.toEpochMilli(), "CreateTime",
                new byte[] {1}, new byte[] {2}, List.of(), null, null, null, null, null, deadLetter);
    }

    @Test
    void recordsInTheWindowAreSelectedDeadLetteredOnesToo() {
        RecordSelection selection = new RecordSelection(WINDOW, false);

        assertThat(selection.select(record(0, 5, FROM.minusMillis(1), null))).isFalse();
        assertThat(selection.select(record(0, 6, FROM, null))).isTrue();
        assertThat(selection.select(record(0, 7, FROM.plusSeconds(1), "SCHEMA_INVALID: x"))).isTrue();
        assertThat(selection.select(record(0, 8, FROM.plusSeconds(3600), null))).isFalse();

        assertThat(selection.read()).isEqualTo(4);
        assertThat(selection.selected()).isEqualTo(2);
        assertThat(selection.skipped()).isZero();
        PartitionTally partition = selection.partitions().get(0);
        assertThat(partition.outsideWindow).isEqualTo(2);
        assertThat(partition.firstSelectedOffset).isEqualTo(6);
        assertThat(partition.lastSelectedOffset).isEqualTo(7);
    }

    @Test
    void deadLetteredRecordsAreSkippedWhenAsked() {
        RecordSelection selection = new RecordSelection(WINDOW, true);

        assertThat(selection.select(record(1, 0, FROM, "MALFORMED_JSON: end of input"))).isFalse();
        assertThat(selection.select(record(1, 1, FROM, null))).isTrue();

        assertThat(selection.skipped()).isEqualTo(1);
        assertThat(selection.partitions().get(1).deadLettered).isEqualTo(1);
    }

    @Test
    void offsetsRepeatedByAnOverlappingFileAreSentOnce() {
        RecordSelection selection = new RecordSelection(WINDOW, false);
        selection.select(record(2, 10, FROM, null));
        selection.select(record(2, 11, FROM, null));

        assertThat(selection.select(record(2, 11, FROM, null))).isFalse();
        assertThat(selection.select(record(2, 12, FROM, null))).isTrue();
        assertThat(selection.select(record(3, 11, FROM, null))).as("another partition").isTrue();

        assertThat(selection.partitions().get(2).duplicates).isEqualTo(1);
        assertThat(selection.selected()).isEqualTo(4);
    }
}
