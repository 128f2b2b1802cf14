package io.agentobs.cli.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Reads the complete lines of a byte range of a file, in order, reporting where each line starts and ends in the
 * file. Bytes after the last newline of the range are not returned.
 */
final class LineReader {

    private static final int BLOCK = 64 * 1024;

    private final FileChannel channel;
    private final long end;
    private long readPosition;
    private byte[] buffer = new byte[BLOCK];
    private long bufferOffset;
    private int position;
    private int limit;
    private int lineFrom;
    private int lineTo;

    /** Lines from {@code start} (a line start) up to {@code end} (the offset after a newline, or start). */
    LineReader(FileChannel channel, long start, long end) {
        this.channel = channel;
        this.end = end;
        this.readPosition = start;
        this.bufferOffset = start;
    }

    /** Moves to the next line; false when no complete line is left. */
    boolean next() throws IOException {
        int scan = position;
        while (true) {
            for (int i = scan; i < limit; i++) {
                if (buffer[i] == '\n') {
                    lineFrom = position;
                    lineTo = i;
                    position = i + 1;
                    return true;
                }
            }
            if (readPosition >= end) {
                return false;
            }
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                bufferOffset += position;
                limit -= position;
                position = 0;
            }
            scan = limit;
            if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int wanted = (int) Math.min(buffer.length - limit, end - readPosition);
            int read = channel.read(ByteBuffer.wrap(buffer, limit, wanted), readPosition);
            if (read < 0) {
                return false;
            }
            readPosition += read;
            limit += read;
        }
    }

    /** The buffer holding the current line between {@link #from()} and {@link #to()}; valid until {@link #next()}. */
    byte[] buffer() {
        return buffer;
    }

    /** Index of the current line's first byte in {@link #buffer()}. */
    int from() {
        return lineFrom;
    }

    /** Index of the current line's newline in {@link #buffer()}. */
    int to() {
        return lineTo;
    }

    /** File offset just after the current line's newline, where the next line starts. */
    long lineEnd() {
        return bufferOffset + lineTo + 1;
    }
}
