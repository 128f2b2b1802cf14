package io.agentobs.dbwriter.reconcile;

/**
 * The offsets of one partition a scan knew about: the oldest the broker still has and the range it read.
 *
 * @param logStart the partition's first offset at the start of the scan; older records were deleted by retention
 * @param scanStart the first offset read: the first record stamped at or after {@code from - skew}
 * @param scanEnd the offset reading stopped before: the end offset at the start, or the first record stamped at or
 *        after {@code to + skew} when the scan is bounded
 */
public record PartitionBounds(long logStart, long scanStart, long scanEnd) {
}
