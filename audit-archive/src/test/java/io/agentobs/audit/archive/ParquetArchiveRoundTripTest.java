package io.agentobs.audit.archive;

import static io.agentobs.audit.archive.Records.TOPIC;
import static io.agentobs.audit.archive.Records.infoOf;
import static io.agentobs.audit.archive.Records.simple;
import static io.agentobs.audit.archive.Records.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetArchiveRoundTripTest {

    private static final long TIMESTAMP = 1_760_985_000_000L;

    @ParameterizedTest
    @EnumSource(ArchiveCompression.class)
    void everyCodecWritesAndReadsBack(ArchiveCompression compression) throws IOException {
        List<ArchivedRecord> records = new ArrayList<>();
        for (long offset = 100; offset < 1100; offset++) {
            records.add(simple(3, offset, TIMESTAMP + offset));
        }
        ArchiveFileInfo info = infoOf(records, 100, 1100);

        byte[] bytes = new ParquetArchiveEncoder(compression).encode(info, records);

        assertThat(bytes).startsWith(utf8("PAR1")).endsWith(utf8("PAR1"));
        assertThat(ParquetArchiveReader.readInfo(ParquetArchiveReader.inMemory(bytes))).isEqualTo(info);
        assertThat(read(bytes)).containsExactlyElementsOf(records);
        assertThat(footer(bytes).getBlocks().get(0).getColumns().get(0).getCodec().name())
                .isEqualTo(compression.name());
    }

    @ParameterizedTest
    @EnumSource(ArchiveCompression.class)
    void sameRecordsGiveIdenticalBytes(ArchiveCompression compression) throws IOException {
        List<ArchivedRecord> records = new ArrayList<>();
        for (long offset = 0; offset < 500; offset++) {
            records.add(simple(0, offset, TIMESTAMP + offset * 10));
        }
        ArchiveFileInfo info = infoOf(records);

        byte[] first = new ParquetArchiveEncoder(compression).encode(info, records);
        byte[] second = new ParquetArchiveEncoder(compression).encode(info, List.copyOf(records));

        assertThat(Arrays.equals(first, second)).as("identical bytes").isTrue();
    }

    @Test
    void nullKeyValueAndEnvelopeAreKept() throws IOException {
        ArchivedRecord tombstone = new ArchivedRecord(TOPIC, 0, 5, TIMESTAMP, "LogAppendTime",
                null, null, List.of(), null, null, null, null, null, null);

        assertThat(roundTrip(List.of(tombstone))).containsExactly(tombstone);
    }

    @Test
    void headersKeepOrderDuplicatesAndNullValues() throws IOException {
        List<ArchivedHeader> headers = List.of(
                new ArchivedHeader("trace", utf8("a")),
                new ArchivedHeader("empty", new byte[0]),
                new ArchivedHeader("absent", null),
                new ArchivedHeader("trace", utf8("b")));
        ArchivedRecord record = new ArchivedRecord(TOPIC, 0, 0, TIMESTAMP, "CreateTime",
                utf8("k"), utf8("{}"), headers, null, null, null, null, null, null);

        List<ArchivedRecord> read = roundTrip(List.of(record));

        assertThat(read).containsExactly(record);
        assertThat(read.get(0).headers()).containsExactlyElementsOf(headers);
        assertThat(read.get(0).headers().get(1).value()).isEmpty();
        assertThat(read.get(0).headers().get(2).value()).isNull();
    }

    @Test
    void binaryBytesThatAreNotUtf8AreKeptExactly() throws IOException {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        byte[] invalidUtf8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        ArchivedRecord record = new ArchivedRecord(TOPIC, 0, 0, TIMESTAMP, "CreateTime",
                invalidUtf8, binary, List.of(new ArchivedHeader("bin", invalidUtf8)),
                null, null, null, null, null, "SerializationException: not JSON");

        ArchivedRecord read = roundTrip(List.of(record)).get(0);

        assertThat(read.key()).isEqualTo(invalidUtf8);
        assertThat(read.value()).isEqualTo(binary);
        assertThat(read.headers().get(0).value()).isEqualTo(invalidUtf8);
    }

    @Test
    void deadLetterRowsWithoutEnvelopeSitBesideDecodedRows() throws IOException {
        ArchivedRecord decoded = simple(0, 0, TIMESTAMP);
        ArchivedRecord dead = new ArchivedRecord(TOPIC, 0, 1, TIMESTAMP + 1, "CreateTime",
                utf8("agent-1"), utf8("{\"event_id\": 42}"), List.of(),
                null, null, null, null, null, "VALIDATION: event_id: must be a UUID string");
        ArchivedRecord noTimestamp = new ArchivedRecord(TOPIC, 0, 2, -1, "NoTimestampType",
                null, utf8("{"), List.of(), null, null, null, null, null, "PARSE: Unexpected end-of-input");

        assertThat(roundTrip(List.of(decoded, dead, noTimestamp))).containsExactly(decoded, dead, noTimestamp);
    }

    @Test
    void footerHoldsTheAgentobsMetadataAndNothingThatVaries() throws IOException {
        List<ArchivedRecord> records = List.of(
                simple(2, 10, TIMESTAMP + 5), simple(2, 12, TIMESTAMP), simple(2, 13, TIMESTAMP + 9));
        byte[] bytes = new ParquetArchiveEncoder(ArchiveCompression.ZSTD)
                .encode(new ArchiveFileInfo(TOPIC, 2, 9, 15, 3, TIMESTAMP, TIMESTAMP + 9), records);

        FileMetaData footer = footer(bytes).getFileMetaData();
        Map<String, String> metadata = footer.getKeyValueMetaData();

        assertThat(metadata).containsAllEntriesOf(Map.of(
                "agentobs.format_version", "1",
                "agentobs.topic", TOPIC,
                "agentobs.partition", "2",
                "agentobs.start_offset", "9",
                "agentobs.end_offset", "15",
                "agentobs.record_count", "3",
                "agentobs.min_timestamp", Long.toString(TIMESTAMP),
                "agentobs.max_timestamp", Long.toString(TIMESTAMP + 9)));
        // The Avro schema (so Avro-aware readers get the record back) and the object model name; no time, no host.
        assertThat(metadata.keySet()).filteredOn(key -> !key.startsWith("agentobs."))
                .containsExactlyInAnyOrder("parquet.avro.schema", "writer.model.name");
        assertThat(footer.getCreatedBy()).startsWith("parquet-mr version ");
    }

    @Test
    void columnsHaveTheDocumentedParquetTypes() throws IOException {
        MessageType schema = footer(new ParquetArchiveEncoder(ArchiveCompression.ZSTD)
                .encode(infoOf(List.of(simple(0, 0, TIMESTAMP))), List.of(simple(0, 0, TIMESTAMP))))
                .getFileMetaData().getSchema();

        assertThat(schema.getFields()).extracting(field -> field.getName()).containsExactly(
                "topic", "partition", "offset", "timestamp", "timestamp_type", "key", "value", "headers",
                "event_id", "correlation_id", "event_time", "agent", "event_type", "dead_letter");
        assertThat(schema.getType("timestamp").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS));
        assertThat(schema.getType("event_time").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        assertThat(schema.getType("headers").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.listType());
        // Three-level list: headers.list.element.{key, value}, the layout Arrow, DuckDB and Spark expect.
        assertThat(schema.getColumns()).extracting(column -> String.join(".", column.getPath()))
                .contains("headers.list.element.key", "headers.list.element.value");
    }

    @Test
    void encoderRejectsRecordsThatDoNotMatchTheFileInfo() {
        ParquetArchiveEncoder encoder = new ParquetArchiveEncoder(ArchiveCompression.SNAPPY);
        List<ArchivedRecord> records = List.of(simple(0, 10, TIMESTAMP), simple(0, 11, TIMESTAMP + 1));
        ArchiveFileInfo info = infoOf(records, 10, 12);

        assertThatThrownBy(() -> encoder.encode(info, List.of(records.get(1), records.get(0))))
                .hasMessageContaining("out of order");
        assertThatThrownBy(() -> encoder.encode(infoOf(records, 11, 12), records))
                .hasMessageContaining("outside [11, 12)");
        assertThatThrownBy(() -> encoder.encode(infoOf(records, 10, 11), records))
                .hasMessageContaining("outside [10, 11)");
        assertThatThrownBy(() -> encoder.encode(
                new ArchiveFileInfo(TOPIC, 1, 10, 12, 2, TIMESTAMP, TIMESTAMP + 1), records))
                .hasMessageContaining("agent-actions-0 in a file of agent-actions-1");
        assertThatThrownBy(() -> encoder.encode(
                new ArchiveFileInfo(TOPIC, 0, 10, 12, 3, TIMESTAMP, TIMESTAMP + 1), records))
                .hasMessageContaining("recordCount 3");
        assertThatThrownBy(() -> encoder.encode(
                new ArchiveFileInfo(TOPIC, 0, 10, 12, 2, TIMESTAMP, TIMESTAMP), records))
                .hasMessageContaining("timestamps");
    }

    @Test
    void readInfoRejectsAParquetFileWithoutAgentobsMetadata() throws IOException {
        byte[] bytes = new ParquetArchiveEncoder(ArchiveCompression.UNCOMPRESSED)
                .encode(infoOf(List.of(simple(0, 0, TIMESTAMP))), List.of(simple(0, 0, TIMESTAMP)));
        byte[] corrupted = bytes.clone();
        // Rename the format version key in place (same length), as another writer's file would lack it.
        String text = new String(corrupted, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("agentobs.format_version", "xxxxxxxx.format_version");
        byte[] foreign = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> ParquetArchiveReader.readInfo(ParquetArchiveReader.inMemory(foreign)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not an agentobs archive");
    }

    private static List<ArchivedRecord> roundTrip(List<ArchivedRecord> records) throws IOException {
        return read(new ParquetArchiveEncoder(ArchiveCompression.ZSTD).encode(infoOf(records), records));
    }

    private static List<ArchivedRecord> read(byte[] bytes) throws IOException {
        List<ArchivedRecord> read = new ArrayList<>();
        ParquetArchiveReader.forEach(ParquetArchiveReader.inMemory(bytes), read::add);
        return read;
    }

    private static org.apache.parquet.hadoop.metadata.ParquetMetadata footer(byte[] bytes) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(ParquetArchiveReader.inMemory(bytes), options)) {
            return reader.getFooter();
        }
    }
}
