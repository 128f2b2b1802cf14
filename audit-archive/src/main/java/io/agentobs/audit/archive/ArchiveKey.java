package io.agentobs.audit.archive;

import java.time.Instant;

/** An object key of the archive layout, taken apart: topic, partition, first covered offset and UTC hour. */
public record ArchiveKey(String key, String topic, int partition, long startOffset, Instant hour) {
}
