package io.agentobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.agentobs.audit.archive.ArchiveCompression;
import io.agentobs.audit.archive.ArchiveFileInfo;
import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.audit.archive.ParquetArchiveEncoder;
import io.agentobs.audit.archive.ParquetArchiveReader;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * Where the bytes of an archive object go: encodes one file of the backlog's agent-actions events as the audit logger
 * archives them and prints each column's compressed size per record, and the object against the events as NDJSON.
 *
 * <p>Usage: {@code ArchiveColumnSizes [records [eventsPerCorrelation [codec]]]} (default 20000, 1, zstd). With
 * {@code -Dagentobs.bench.traffic=simulate}: {@code records} events of {@code agentobs simulate}'s traces instead, one
 * file per topic ({@link SimulatedColumnSizes}); eventsPerCorrelation must then be left at 1.
 */
public final class ArchiveColumnSizes {

    private static final String TOPIC = "agent-actions";
    static final Instant START = Instant.parse("2026-11-24T03:00:00Z");
    /** Kafka timestamps of a backlog produced in a few seconds: about 50 records per millisecond. */
    static final int RECORDS_PER_MS = 50;

    private ArchiveColumnSizes() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 20_000;
        int perCorrelation = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        ArchiveCompression codec = ArchiveCompression.parse(args.length > 2 ? args[2] : "zstd");
        Traffic traffic = Traffic.fromSystemProperty();
        if (traffic == Traffic.SIMULATE) {
            if (perCorrelation != 1) {
                throw new IllegalArgumentException("events per correlation id apply to the agent actions only; the"
                        + " simulated traces share their own");
            }
            SimulatedColumnSizes.print(records, codec);
            return;
        }
        List<ArchivedRecord> file = new ArrayList<>(records);
        long ndjson = 0;
        UUID correlationId = null;
        for (int offset = 0; offset < records; offset++) {
            if (offset % perCorrelation == 0) {
                correlationId = UUID.randomUUID();
            }
            UUID eventId = UUID.randomUUID();
            Instant eventTime = START.plusMillis(offset);
            byte[] value = BenchEvents.agentAction(eventId, correlationId, eventTime);
            ndjson += value.length + 1;
            // the columns ArchivedRecords fills from a decoded agent action
            file.add(new ArchivedRecord(TOPIC, 0, offset, START.toEpochMilli() + offset / RECORDS_PER_MS,
                    "CreateTime", correlationId.toString().getBytes(StandardCharsets.UTF_8), value, List.of(),
                    eventId.toString(), correlationId.toString(), eventTime.toEpochMilli() * 1000,
                    ActionRow.AGENT_NAME, ActionRow.ACTION_TYPE, null));
        }
        ArchiveFileInfo info = new ArchiveFileInfo(TOPIC, 0, 0, records, records, START.toEpochMilli(),
                START.toEpochMilli() + (records - 1) / RECORDS_PER_MS);
        byte[] object = new ParquetArchiveEncoder(codec).encode(info, file);
        System.out.printf(Locale.ROOT, "%,d records, %d per correlation id, %s: %,d bytes = %.1f per record;"
                        + " NDJSON %,d bytes; ratio %.3f%n", records, perCorrelation, codec, object.length,
                object.length / (double) records, ndjson, object.length / (double) ndjson);
        columnSizes(object).forEach((column, bytes) -> System.out.printf(Locale.ROOT, "  %-28s %,11d bytes %7.1f per"
                + " record%n", column, bytes, bytes / (double) records));
    }

    /** Compressed bytes per column, over all row groups. */
    static Map<String, Long> columnSizes(byte[] object) throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (ParquetFileReader reader = ParquetFileReader.open(ParquetArchiveReader.inMemory(object),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData column : block.getColumns()) {
                    sizes.merge(column.getPath().toDotString(), column.getTotalSize(), Long::sum);
                }
            }
        }
        return sizes;
    }
}
