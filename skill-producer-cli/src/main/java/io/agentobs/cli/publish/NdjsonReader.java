package io.agentobs.cli.publish;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it (the codec checks UTF-8 itself): {@code \n} or {@code \r\n}
 * ends a line, the last line may lack one. Lines longer than the limit are read through and reported as too long
 * rather than held in memory.
 */
final class NdjsonReader {

    /** One line: its 1-based number and bytes, or {@code tooLong} with the bytes dropped. */
    record Line(long number, byte[] bytes, boolean tooLong, long length) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long lineNumber;
    private byte[] line = new byte[4096];

    NdjsonReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        int length = 0;
        long total = 0;
        boolean sawAny = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAny) {
                        return null;
                    }
                    return finish(length, total);
                }
            }
            sawAny = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            total += chunk;
            if (total <= maxLineBytes) {
                if (length + chunk > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
                }
                System.arraycopy(buffer, start, line, length, chunk);
                length += chunk;
            }
            if (position < limit) {
                position++;
                return finish(length, total);
            }
        }
    }

    private Line finish(int length, long total) {
        lineNumber++;
        if (total > maxLineBytes) {
            return new Line(lineNumber, null, true, total);
        }
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return new Line(lineNumber, Arrays.copyOf(line, end), false, end);
    }

    /** Everything not yet read, up to {@code max} bytes; for input that turns out to be one multi-line document. */
    byte[] remainder(int max) throws IOException {
        int buffered = Math.min(limit - position, max);
        byte[] head = Arrays.copyOfRange(buffer, position, position + buffered);
        position += buffered;
        byte[] tail = in.readNBytes(max - buffered);
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** True when the stream has nothing more (reads ahead at most one buffer). */
    boolean atEnd() throws IOException {
        if (position < limit) {
            return false;
        }
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return true;
        }
        return false;
    }
}
