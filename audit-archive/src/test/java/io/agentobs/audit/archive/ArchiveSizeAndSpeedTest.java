package io.agentobs.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Measures archive size against NDJSON of the same values and encoding speed, on realistic events; prints the
 * figures (timing is reported, never asserted: it depends on the machine).
 */
class ArchiveSizeAndSpeedTest {

    private static final int RECORDS = 100_000;
    /** Records per archive file while measuring speed, as the audit logger rotates files. */
    private static final int FILE_RECORDS = 20_000;

    @Test
    void zstdArchiveIsAtMostAFifthOfTheNdjson() throws IOException {
        List<ArchivedRecord> records = SeedEvents.records("agent-actions", RECORDS);
        long ndjson = ndjsonBytes(records);
        System.out.printf(Locale.ROOT, "agent-actions: %d records, NDJSON %d bytes (%.0f bytes/record)%n",
                RECORDS, ndjson, (double) ndjson / RECORDS);
        // Warm-up: the write path shared by every codec gets compiled before any of them is timed.
        for (int pass = 0; pass < 2; pass++) {
            for (ArchiveCompression compression : ArchiveCompression.values()) {
                encodeInFiles(new ParquetArchiveEncoder(compression), records.subList(0, FILE_RECORDS));
            }
        }
        double zstdRatio = 0;
        for (ArchiveCompression compression : ArchiveCompression.values()) {
            ParquetArchiveEncoder encoder = new ParquetArchiveEncoder(compression);
            long started = System.nanoTime();
            long bytes = encodeInFiles(encoder, records);
            double ms = (System.nanoTime() - started) / 1e6;
            double ratio = (double) bytes / ndjson;
            System.out.printf(Locale.ROOT,
                    "  %-12s %9d bytes  %5.1f%% of NDJSON  encode %6.0f ms  %8.0f records/s (one thread)%n",
                    compression, bytes, ratio * 100, ms, RECORDS / (ms / 1000));
            if (compression == ArchiveCompression.ZSTD) {
                zstdRatio = ratio;
            }
        }
        assertThat(zstdRatio).isLessThanOrEqualTo(0.20);
    }

    @Test
    void zstdRatioPerTopic() throws IOException {
        ParquetArchiveEncoder encoder = new ParquetArchiveEncoder(ArchiveCompression.ZSTD);
        for (String topic : new TreeMap<>(SeedEvents.TOPICS).keySet()) {
            List<ArchivedRecord> records = SeedEvents.records(topic, FILE_RECORDS / 2);
            long ndjson = ndjsonBytes(records);
            long bytes = encodeInFiles(encoder, records);
            System.out.printf(Locale.ROOT, "  zstd %-28s %4.0f bytes/record NDJSON  %5.1f%%%n",
                    topic, (double) ndjson / records.size(), 100.0 * bytes / ndjson);
        }
    }

    @Test
    void readingBackIsReported() throws IOException {
        List<ArchivedRecord> records = SeedEvents.records("agent-actions", FILE_RECORDS);
        byte[] file = new ParquetArchiveEncoder(ArchiveCompression.ZSTD).encode(info(records), records);
        long[] count = {0};
        ParquetArchiveReader.forEach(ParquetArchiveReader.inMemory(file), record -> count[0]++); // warm-up
        long started = System.nanoTime();
        for (int i = 0; i < RECORDS / FILE_RECORDS; i++) {
            ParquetArchiveReader.forEach(ParquetArchiveReader.inMemory(file), record -> count[0]++);
        }
        double ms = (System.nanoTime() - started) / 1e6;
        System.out.printf(Locale.ROOT, "  read back (zstd) %d records in %.0f ms%n", RECORDS, ms);
        assertThat(count[0]).isEqualTo(RECORDS + FILE_RECORDS);
    }

    private static long encodeInFiles(ParquetArchiveEncoder encoder, List<ArchivedRecord> records)
            throws IOException {
        long bytes = 0;
        for (int from = 0; from < records.size(); from += FILE_RECORDS) {
            List<ArchivedRecord> file = records.subList(from, Math.min(records.size(), from + FILE_RECORDS));
            bytes += encoder.encode(info(file), file).length;
        }
        return bytes;
    }

    private static ArchiveFileInfo info(List<ArchivedRecord> file) {
        return Records.infoOf(file);
    }

    private static long ndjsonBytes(List<ArchivedRecord> records) {
        return records.stream().mapToLong(record -> record.value().length + 1L).sum();
    }
}
