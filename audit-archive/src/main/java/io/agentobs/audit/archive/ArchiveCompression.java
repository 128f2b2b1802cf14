package io.agentobs.audit.archive;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Page compression of an archive file; every value writes and reads back with the module's dependencies. */
public enum ArchiveCompression {
    ZSTD(CompressionCodecName.ZSTD),
    SNAPPY(CompressionCodecName.SNAPPY),
    GZIP(CompressionCodecName.GZIP),
    UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED);

    private final CompressionCodecName codec;

    ArchiveCompression(CompressionCodecName codec) {
        this.codec = codec;
    }

    /** Case-insensitive name of a value; {@code none} is {@link #UNCOMPRESSED}. */
    public static ArchiveCompression parse(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (name.equals("NONE")) {
            return UNCOMPRESSED;
        }
        for (ArchiveCompression compression : values()) {
            if (compression.name().equals(name)) {
                return compression;
            }
        }
        String allowed = Arrays.stream(values())
                .map(value -> value.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "Unknown archive compression '" + text + "'; allowed: " + allowed + " (or none)");
    }

    CompressionCodecName codec() {
        return codec;
    }
}
