package io.agentobs.cli.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Finds, and cuts off, an incomplete last record that an interrupted append left at the end of the data file. */
final class TornTail {

    private static final int BLOCK = 8 * 1024;

    private TornTail() {
    }

    /** The offset just after the file's last newline (0 when it has none): everything before it is complete lines. */
    static long completeLength(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        long blockEnd = size;
        while (blockEnd > 0) {
            long blockStart = Math.max(0, blockEnd - BLOCK);
            block.clear().limit((int) (blockEnd - blockStart));
            long at = blockStart;
            while (block.hasRemaining()) {
                int read = channel.read(block, at);
                if (read < 0) {
                    break;
                }
                at += read;
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return blockStart + i + 1;
                }
            }
            blockEnd = blockStart;
        }
        return 0;
    }

    /** Truncates an incomplete last record away, durably; returns the resulting length of the file. */
    static long repair(FileChannel channel) throws IOException {
        long complete = completeLength(channel);
        if (complete < channel.size()) {
            channel.truncate(complete);
            channel.force(true);
        }
        return complete;
    }
}
