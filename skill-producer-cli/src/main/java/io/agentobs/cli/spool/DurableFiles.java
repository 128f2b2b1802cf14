package io.agentobs.cli.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** File-system helpers that make writes and directory entries survive a crash. */
final class DurableFiles {

    /** Windows cannot open a directory as a channel, so a directory's entries cannot be forced there. */
    private static final boolean DIRECTORY_FSYNC_SUPPORTED =
            !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private DurableFiles() {
    }

    /** Forces the directory's entries (files created, renamed or deleted in it) to disk. */
    static void forceDirectory(Path directory) throws IOException {
        if (!DIRECTORY_FSYNC_SUPPORTED) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Writes all of {@code bytes} at {@code position}. */
    static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }
}
