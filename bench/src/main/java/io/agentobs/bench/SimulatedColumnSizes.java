package io.agentobs.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.agentobs.audit.archive.ArchiveCompression;
import io.agentobs.audit.archive.ArchiveFileInfo;
import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.audit.archive.ParquetArchiveEncoder;
import io.agentobs.cli.simulate.GeneratedEvent;
import io.agentobs.events.Topic;

/**
 * Where the bytes of archive objects of simulated traffic go: whole traces of {@code agentobs simulate}'s generator
 * ({@link SimulatedTraffic}, first seed) until the asked number of events, one file per topic as the audit logger
 * archives them (offsets 0..n-1 of partition 0), each column's compressed size per record, and each file and all of
 * them against the same events as NDJSON.
 */
final class SimulatedColumnSizes {

    private SimulatedColumnSizes() {
    }

    /** Generates at least {@code records} events, encodes one file per topic with {@code codec}, and prints. */
    static void print(int records, ArchiveCompression codec) throws IOException {
        SimulatedTraffic.Traces traces = SimulatedTraffic.generate(SimulatedTraffic.FIRST_SEED, records);
        Map<Topic, List<ArchivedRecord>> files = new EnumMap<>(Topic.class);
        Map<Topic, Long> ndjson = new EnumMap<>(Topic.class);
        long index = 0;
        for (GeneratedEvent event : traces.events()) {
            List<ArchivedRecord> file = files.computeIfAbsent(event.topic(), t -> new ArrayList<>());
            // Kafka timestamps as the whole backlog's were: one clock over every topic
            long timestampMs = ArchiveColumnSizes.START.toEpochMilli() + index++ / ArchiveColumnSizes.RECORDS_PER_MS;
            file.add(ArchiveRows.of(event.topic(), 0, file.size(), timestampMs, event.key(), event.value()));
            ndjson.merge(event.topic(), event.value().length + 1L, Long::sum);
        }
        System.out.printf(Locale.ROOT, "%,d records of simulate traffic (seed %d: %,d traces), %s, one file per"
                + " topic:%n", traces.events().size(), traces.seed(), traces.traces(), codec);
        List<String> totals = new ArrayList<>();
        long allObjects = 0;
        long allNdjson = 0;
        for (Map.Entry<Topic, List<ArchivedRecord>> entry : files.entrySet()) {
            String topic = entry.getKey().topicName();
            List<ArchivedRecord> file = entry.getValue();
            int count = file.size();
            long minTimestamp = file.stream().mapToLong(ArchivedRecord::timestampMs).min().orElseThrow();
            long maxTimestamp = file.stream().mapToLong(ArchivedRecord::timestampMs).max().orElseThrow();
            byte[] object = new ParquetArchiveEncoder(codec).encode(
                    new ArchiveFileInfo(topic, 0, 0, count, count, minTimestamp, maxTimestamp), file);
            long ndjsonBytes = ndjson.get(entry.getKey());
            allObjects += object.length;
            allNdjson += ndjsonBytes;
            String line = String.format(Locale.ROOT, "%-28s %,9d records: %,11d bytes = %7.1f per record; NDJSON"
                            + " %,12d bytes = %7.1f per record; ratio %.3f", topic, count, object.length,
                    object.length / (double) count, ndjsonBytes, ndjsonBytes / (double) count,
                    object.length / (double) ndjsonBytes);
            totals.add(line);
            System.out.println();
            System.out.println(line);
            ArchiveColumnSizes.columnSizes(object).forEach((column, bytes) -> System.out.printf(Locale.ROOT,
                    "  %-28s %,11d bytes %7.1f per record%n", column, bytes, bytes / (double) count));
        }
        System.out.println();
        System.out.println("per topic:");
        totals.forEach(line -> System.out.println("  " + line));
        System.out.printf(Locale.ROOT, "all topics: %,d records in %d files, %,d bytes = %.1f per record; NDJSON %,d"
                        + " bytes = %.1f per record; ratio %.3f%n", traces.events().size(), files.size(), allObjects,
                allObjects / (double) traces.events().size(), allNdjson, allNdjson / (double) traces.events().size(),
                allObjects / (double) allNdjson);
    }
}
