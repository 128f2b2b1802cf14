package io.agentobs.audit.archive;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The agentobs key-value metadata of an archive file's Parquet footer: names, and conversion from and to the info. */
final class ArchiveMetadata {

    static final String FORMAT_VERSION = "agentobs.format_version";
    static final String TOPIC = "agentobs.topic";
    static final String PARTITION = "agentobs.partition";
    static final String START_OFFSET = "agentobs.start_offset";
    static final String END_OFFSET = "agentobs.end_offset";
    static final String RECORD_COUNT = "agentobs.record_count";
    static final String MIN_TIMESTAMP = "agentobs.min_timestamp";
    static final String MAX_TIMESTAMP = "agentobs.max_timestamp";

    static final String CURRENT_VERSION = "1";

    private ArchiveMetadata() {
    }

    static Map<String, String> toMap(ArchiveFileInfo info) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_VERSION, CURRENT_VERSION);
        metadata.put(TOPIC, info.topic());
        metadata.put(PARTITION, Integer.toString(info.partition()));
        metadata.put(START_OFFSET, Long.toString(info.startOffset()));
        metadata.put(END_OFFSET, Long.toString(info.endOffset()));
        metadata.put(RECORD_COUNT, Long.toString(info.recordCount()));
        metadata.put(MIN_TIMESTAMP, Long.toString(info.minTimestampMs()));
        metadata.put(MAX_TIMESTAMP, Long.toString(info.maxTimestampMs()));
        return metadata;
    }

    static ArchiveFileInfo fromMap(Map<String, String> metadata) throws IOException {
        String version = metadata.get(FORMAT_VERSION);
        if (version == null) {
            throw new IOException("not an agentobs archive file: no " + FORMAT_VERSION + " in the Parquet footer");
        }
        if (!version.equals(CURRENT_VERSION)) {
            throw new IOException("unsupported agentobs archive format version " + version
                    + " (this reader knows " + CURRENT_VERSION + ")");
        }
        return new ArchiveFileInfo(
                required(metadata, TOPIC),
                (int) number(metadata, PARTITION),
                number(metadata, START_OFFSET),
                number(metadata, END_OFFSET),
                number(metadata, RECORD_COUNT),
                number(metadata, MIN_TIMESTAMP),
                number(metadata, MAX_TIMESTAMP));
    }

    private static String required(Map<String, String> metadata, String name) throws IOException {
        String value = metadata.get(name);
        if (value == null) {
            throw new IOException("agentobs archive footer lacks " + name);
        }
        return value;
    }

    private static long number(Map<String, String> metadata, String name) throws IOException {
        String value = required(metadata, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("agentobs archive footer has a non-numeric " + name + ": '" + value + "'", e);
        }
    }
}
