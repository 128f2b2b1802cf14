package io.agentobs.audit.archive;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test records and the matching file info. */
final class Records {

    static final String TOPIC = "agent-actions";

    private Records() {
    }

    static ArchivedRecord simple(int partition, long offset, long timestampMs) {
        return new ArchivedRecord(TOPIC, partition, offset, timestampMs, "CreateTime",
                utf8("agent-" + (offset % 7)), utf8("{\"event_id\":\"e-" + offset + "\"}"),
                List.of(new ArchivedHeader("source", utf8("test"))),
                "e-" + offset, "c-" + (offset / 10), timestampMs * 1000 + 123, "agent-" + (offset % 7),
                "tool_call", null);
    }

    static ArchiveFileInfo infoOf(List<ArchivedRecord> records, long startOffset, long endOffset) {
        ArchivedRecord first = records.get(0);
        long min = records.stream().mapToLong(ArchivedRecord::timestampMs).min().orElse(0);
        long max = records.stream().mapToLong(ArchivedRecord::timestampMs).max().orElse(0);
        return new ArchiveFileInfo(first.topic(), first.partition(), startOffset, endOffset, records.size(), min, max);
    }

    static ArchiveFileInfo infoOf(List<ArchivedRecord> records) {
        return infoOf(records, records.get(0).offset(), records.get(records.size() - 1).offset() + 1);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
