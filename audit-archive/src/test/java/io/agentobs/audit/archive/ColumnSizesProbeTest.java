package io.agentobs.audit.archive;

import java.util.List;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.junit.jupiter.api.Test;

class ColumnSizesProbeTest {
    @Test
    void print() throws Exception {
        List<ArchivedRecord> records = SeedEvents.records("agent-actions", 20_000);
        byte[] bytes = new ParquetArchiveEncoder(ArchiveCompression.ZSTD).encode(Records.infoOf(records), records);
        System.out.println("total " + bytes.length + " per record " + bytes.length / 20_000.0);
        try (ParquetFileReader reader = ParquetFileReader.open(ParquetArchiveReader.inMemory(bytes),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                System.out.println("block rows " + block.getRowCount());
                for (ColumnChunkMetaData c : block.getColumns()) {
                    System.out.printf("  %-35s %9d %9d %s%n", c.getPath(), c.getTotalSize(), c.getTotalUncompressedSize(), c.getEncodings());
                }
            }
        }
    }
}
