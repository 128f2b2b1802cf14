package io.agentobs.audit.archive;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.InputFile;

/** Reads archive files written by {@link ParquetArchiveEncoder}: the footer's coverage info, and the records. */
public final class ParquetArchiveReader {

    /** AvroReadSupport's key for the schema to read rows into (its constant is not public). */
    private static final String AVRO_READ_SCHEMA = "parquet.avro.read.schema";

    private ParquetArchiveReader() {
    }

    /** The coverage info of the file's footer; reads the footer only. */
    public static ArchiveFileInfo readInfo(InputFile file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(file, options)) {
            Map<String, String> metadata = reader.getFooter().getFileMetaData().getKeyValueMetaData();
            return ArchiveMetadata.fromMap(metadata);
        }
    }

    /** Hands every record of the file to {@code action}, in offset order. */
    public static void forEach(InputFile file, Consumer<ArchivedRecord> action) throws IOException {
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(file, configuration())
                .withDataModel(GenericData.get())
                .build()) {
            for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                action.accept(ArchiveSchema.fromAvro(row));
            }
        }
    }

    /** An {@link InputFile} over a whole archive file held in memory. */
    public static InputFile inMemory(byte[] bytes) {
        return new ByteArrayInputFile(bytes);
    }

    private static ParquetConfiguration configuration() {
        return new PlainParquetConfiguration(Map.of(
                // Rows come back in this module's schema, so fields sit at the positions ArchiveSchema expects.
                AVRO_READ_SCHEMA, ArchiveSchema.RECORD.toString(),
                // The current record materializer, which honours the data model (no Avro-compat string handling).
                AvroReadSupport.AVRO_COMPATIBILITY, "false"));
    }
}
