package io.agentobs.auditlogger.archive;

import java.io.IOException;
import java.util.List;

import io.agentobs.audit.archive.ArchiveFileInfo;
import io.agentobs.audit.archive.ArchiveObject;
import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.audit.archive.ParquetArchiveEncoder;
import io.agentobs.audit.archive.PutOutcome;
import io.agentobs.audit.archive.S3Archive;
import io.agentobs.auditlogger.metrics.AuditMetrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one closed file as an archive object, create-only, and moves the partition's durable offset on.
 *
 * <p>An object already at the key (an earlier run uploaded it and crashed before committing, or another consumer
 * owned the partition meanwhile) is never replaced. Its footer says which offsets it covers: if it ends where this
 * file ends, the file is done; if it ends earlier, the rest of the file goes into the next object; if it ends later,
 * those offsets are archived already and later files of the partition are trimmed to start there. So every offset
 * is in exactly one object whatever happened before.
 */
final class ArchiveObjectWriter implements UploadLane.Work {

    private static final Logger log = LoggerFactory.getLogger(ArchiveObjectWriter.class);

    private final S3Archive archive;
    private final ParquetArchiveEncoder encoder;
    private final AuditMetrics metrics;

    ArchiveObjectWriter(S3Archive archive, ParquetArchiveEncoder encoder, AuditMetrics metrics) {
        this.archive = archive;
        this.encoder = encoder;
        this.metrics = metrics;
    }

    @Override
    public void upload(UploadLane.Job job) throws IOException {
        PartitionArchive partition = job.partition();
        ClosedFile file = job.file();
        long start = partition.uploadStart;
        while (start < file.endOffset()) {
            List<ArchivedRecord> records = from(file.records(), start);
            if (records.isEmpty()) {
                // Offsets without records (transaction markers) are covered by the partition's next object.
                return;
            }
            long end = file.endOffset();
            String key = archive.keys().key(partition.partition.topic(), partition.partition.partition(), start,
                    records.get(0).timestampMs());
            ArchiveFileInfo info = info(partition, start, end, records);
            long begin = System.nanoTime();
            byte[] bytes = encoder.encode(info, records);
            PutOutcome outcome = archive.putIfAbsent(key, bytes);
            if (outcome == PutOutcome.CREATED) {
                metrics.objectWritten(info.topic(), records.size(), bytes.length, System.nanoTime() - begin);
                advance(partition, end);
                return;
            }
            long existingEnd = existingEnd(key, start);
            metrics.objectAlreadyThere(info.topic());
            log.info("{} already exists covering [{}, {}); this file covers [{}, {})", key, start, existingEnd, start, end);
            advance(partition, existingEnd);
            start = existingEnd;
        }
    }

    private long existingEnd(String key, long start) throws IOException {
        ArchiveObject existing = archive.head(key)
                .orElseThrow(() -> new IOException(key + " was reported as existing but cannot be found"));
        ArchiveFileInfo info = archive.readInfo(existing)
                .orElseThrow(() -> new IOException(key + " disappeared while its footer was read"));
        if (info.startOffset() != start || info.endOffset() <= start) {
            throw new IOException(key + " holds offsets [" + info.startOffset() + ", " + info.endOffset()
                    + "), not an archive object starting at " + start);
        }
        return info.endOffset();
    }

    private static void advance(PartitionArchive partition, long end) {
        if (end > partition.uploadStart) {
            partition.uploadStart = end;
            partition.durable = end;
        }
    }

    private static List<ArchivedRecord> from(List<ArchivedRecord> records, long start) {
        if (records.isEmpty() || records.get(0).offset() >= start) {
            return records;
        }
        int first = 0;
        while (first < records.size() && records.get(first).offset() < start) {
            first++;
        }
        return records.subList(first, records.size());
    }

    private static ArchiveFileInfo info(PartitionArchive partition, long start, long end, List<ArchivedRecord> records) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (ArchivedRecord record : records) {
            min = Math.min(min, record.timestampMs());
            max = Math.max(max, record.timestampMs());
        }
        return new ArchiveFileInfo(partition.partition.topic(), partition.partition.partition(), start, end,
                records.size(), min, max);
    }
}
