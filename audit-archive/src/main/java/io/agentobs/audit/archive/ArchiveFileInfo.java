package io.agentobs.audit.archive;

/**
 * What an archive file covers, as stored in its Parquet footer: the half-open offset range
 * [{@code startOffset}, {@code endOffset}) of one topic partition, how many records it holds and the range of their
 * Kafka timestamps (epoch ms; both 0 for a file without records).
 */
public record ArchiveFileInfo(String topic, int partition, long startOffset, long endOffset, long recordCount,
        long minTimestampMs, long maxTimestampMs) {
}
