package io.agentobs.cli.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Keeps corrupted records out of the way without deleting them: each is copied, durably and byte for byte, into
 * {@code corrupt-<timestamp>.ndjson} in the spool directory, one file per drain that found any.
 */
final class CorruptRecords implements AutoCloseable {

    static final String PREFIX = "corrupt-";
    static final String SUFFIX = ".ndjson";

    private final Path directory;
    private FileChannel channel;

    CorruptRecords(Path directory) {
        this.directory = directory;
    }

    /** Appends the line {@code bytes[from, to)} plus a newline and forces it to disk. */
    void moveAside(byte[] bytes, int from, int to) throws IOException {
        if (channel == null) {
            String timestamp = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
                    .withZone(ZoneOffset.UTC)
                    .format(Instant.now());
            Path file = directory.resolve(PREFIX + timestamp + SUFFIX);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            DurableFiles.forceDirectory(directory);
        }
        ByteBuffer line = ByteBuffer.allocate(to - from + 1).put(bytes, from, to - from).put((byte) '\n').flip();
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
