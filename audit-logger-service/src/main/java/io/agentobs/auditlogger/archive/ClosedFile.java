package io.agentobs.auditlogger.archive;

import java.util.List;

import io.agentobs.audit.archive.ArchivedRecord;

/**
 * One partition's records ready to be encoded and uploaded: they cover offsets [startOffset, endOffset).
 *
 * @param startOffset first offset covered
 * @param endOffset offset after the last record
 * @param records the records, in offset order, at least one
 * @param bytes their size before compression, as counted against the memory budget
 */
record ClosedFile(long startOffset, long endOffset, List<ArchivedRecord> records, long bytes) {
}
