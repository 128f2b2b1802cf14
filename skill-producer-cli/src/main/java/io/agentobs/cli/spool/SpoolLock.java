package io.agentobs.cli.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to one spool directory, across processes and across threads of one process.
 *
 * <p>Processes serialize on an OS lock of {@code spool.lock} in the directory ({@link FileChannel#lock()}; the OS
 * releases it when the process dies). The OS lock belongs to the whole JVM, and a second channel locking the same
 * file in the same JVM fails instead of waiting, so threads first serialize on an in-JVM lock keyed by the
 * directory's real path (fairly, so a busy drainer cannot starve appenders), and only the holder of that lock
 * takes the file lock.
 */
final class SpoolLock implements AutoCloseable {

    static final String FILE_NAME = "spool.lock";

    private static final ConcurrentMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;

    private SpoolLock(ReentrantLock threadLock, FileChannel channel) {
        this.threadLock = threadLock;
        this.channel = channel;
    }

    /** Waits until this thread holds the spool in {@code directory}, which must exist. */
    static SpoolLock acquire(Path directory) throws IOException {
        Path key = directory.toRealPath();
        ReentrantLock threadLock = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock(true));
        if (threadLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the spool " + directory + " is already held by this thread");
        }
        threadLock.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return new SpoolLock(threadLock, channel);
        } catch (IOException | RuntimeException | Error e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException closing) {
                e.addSuppressed(closing);
            } finally {
                threadLock.unlock();
            }
            throw e;
        }
    }

    /** Releases the file lock (by closing its channel), then the in-JVM lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
