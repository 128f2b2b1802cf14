package io.agentobs.cli.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The durable drain position: the byte offset in the data file up to which records have been acknowledged (or moved
 * aside as corrupt).
 *
 * <p>The position file holds one fixed-size line, {@code <20-digit offset> <8-hex CRC32C of the digits>\n}, always
 * overwritten in place and forced. A position that is unreadable, fails its checksum, lies beyond the data or not on
 * a record boundary reads as 0: the spool is then re-sent from the start, which duplicates events (sinks
 * deduplicate on event_id) but never skips one.
 */
final class SpoolPosition implements AutoCloseable {

    private static final int DIGITS = 20;
    private static final int LENGTH = DIGITS + 1 + 8 + 1;

    private final Path file;
    private FileChannel channel;

    SpoolPosition(Path file) {
        this.file = file;
    }

    /** The recorded position, validated against the data file's complete length {@code end}; 0 when unusable. */
    static long read(Path file, FileChannel data, long end) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return 0;
        }
        long offset = parse(bytes);
        if (offset <= 0 || offset > end) {
            return 0;
        }
        ByteBuffer previous = ByteBuffer.allocate(1);
        if (data.read(previous, offset - 1) != 1 || previous.get(0) != '\n') {
            return 0;
        }
        return offset;
    }

    /** Records {@code offset} durably; returns only once it is on disk. */
    void record(long offset) throws IOException {
        if (channel == null) {
            boolean existed = Files.exists(file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (!existed) {
                DurableFiles.forceDirectory(file.getParent());
            }
        }
        DurableFiles.writeFully(channel, ByteBuffer.wrap(format(offset)), 0);
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    static byte[] format(long offset) {
        String digits = Long.toString(offset);
        StringBuilder line = new StringBuilder(LENGTH);
        for (int i = digits.length(); i < DIGITS; i++) {
            line.append('0');
        }
        line.append(digits);
        String crc = Integer.toHexString(crc(line.toString().getBytes(StandardCharsets.US_ASCII)));
        line.append(' ');
        for (int i = crc.length(); i < 8; i++) {
            line.append('0');
        }
        line.append(crc).append('\n');
        return line.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static long parse(byte[] bytes) {
        if (bytes.length != LENGTH || bytes[DIGITS] != ' ' || bytes[LENGTH - 1] != '\n') {
            return -1;
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        try {
            long offset = Long.parseLong(text, 0, DIGITS, 10);
            int crc = Integer.parseUnsignedInt(text, DIGITS + 1, LENGTH - 1, 16);
            return crc == crc(Arrays.copyOf(bytes, DIGITS)) ? offset : -1;
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return (int) crc.getValue();
    }
}
