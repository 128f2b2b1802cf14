package io.agentobs.auditlogger.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.agentobs.audit.archive.ArchivedRecord;

import org.junit.jupiter.api.Test;

class RollPolicyTest {

    private static final long T0 = Instant.parse("2026-11-24T10:59:58Z").toEpochMilli();
    private final RollPolicy policy = new RollPolicy(3, 1_000, Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void fileClosesBeforeTheRecordThatWouldPassTheCount() {
        OpenFile file = fileWith(3, 10);
        assertThat(policy.closesBefore(file, record(3, T0), 10)).isTrue();
        assertThat(policy.closesBefore(fileWith(2, 10), record(2, T0), 10)).isFalse();
    }

    @Test
    void fileClosesBeforeTheRecordThatWouldPassTheSize() {
        assertThat(policy.closesBefore(fileWith(1, 900), record(1, T0), 101)).isTrue();
        assertThat(policy.closesBefore(fileWith(1, 900), record(1, T0), 100)).isFalse();
    }

    @Test
    void recordOfTheNextHourStartsANewFileButAnEarlierOneStays() {
        OpenFile file = fileWith(1, 10);
        long nextHour = Instant.parse("2026-11-24T11:00:00Z").toEpochMilli();
        assertThat(policy.closesBefore(file, record(1, nextHour), 10)).isTrue();
        assertThat(policy.closesBefore(file, record(1, nextHour - 1), 10)).isFalse();
        assertThat(policy.closesBefore(file, record(1, T0 - 3_600_000), 10)).isFalse();
    }

    @Test
    void idleOrOldFileIsDueByTime() {
        OpenFile file = new OpenFile(0, T0, 0);
        file.append(record(0, T0), 10, Duration.ofSeconds(5).toNanos());
        assertThat(policy.dueByTime(file, Duration.ofSeconds(34).toNanos())).isFalse();
        assertThat(policy.dueByTime(file, Duration.ofSeconds(35).toNanos())).isTrue();

        OpenFile busy = new OpenFile(0, T0, 0);
        busy.append(record(0, T0), 10, Duration.ofMinutes(10).minusSeconds(1).toNanos());
        assertThat(policy.dueByTime(busy, Duration.ofMinutes(10).toNanos())).isTrue();
    }

    @Test
    void closedFileCoversFromItsStartToAfterItsLastRecord() {
        OpenFile file = new OpenFile(7, T0, 0);
        file.append(record(9, T0), 10, 0);
        file.append(record(12, T0), 20, 0);
        ClosedFile closed = file.close();
        assertThat(closed.startOffset()).isEqualTo(7);
        assertThat(closed.endOffset()).isEqualTo(13);
        assertThat(closed.bytes()).isEqualTo(30);
        assertThat(closed.records()).extracting(ArchivedRecord::offset).containsExactly(9L, 12L);
    }

    private static OpenFile fileWith(int records, long bytesEach) {
        OpenFile file = new OpenFile(0, T0, 0);
        for (int i = 0; i < records; i++) {
            file.append(record(i, T0), bytesEach, 0);
        }
        return file;
    }

    static ArchivedRecord record(long offset, long timestamp) {
        return new ArchivedRecord("agent-actions", 0, offset, timestamp, "CreateTime", null, new byte[] {1}, List.of(),
                null, null, null, null, null, null);
    }
}
