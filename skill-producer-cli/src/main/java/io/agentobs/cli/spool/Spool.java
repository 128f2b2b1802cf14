package io.agentobs.cli.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;

/**
 * The durable local spool: events that could not reach Kafka wait here, in append order, until a later invocation
 * sends them.
 *
 * <p>The directory holds {@value #DATA_FILE} (one checksummed record per line, see {@link RecordCodec}),
 * {@value #POSITION_FILE} (how far a drain has got, see {@link SpoolPosition}), {@value SpoolLock#FILE_NAME} (the
 * cross-process lock, see {@link SpoolLock}) and any {@code corrupt-<timestamp>.ndjson} files of records that
 * failed their checksum. Every append and drain runs under the lock; {@link #isEmpty()} does not.
 */
public final class Spool {

    static final String DATA_FILE = "spool.ndjson";
    static final String POSITION_FILE = "spool.pos";

    private final Path directory;
    private final Path dataFile;
    private final Path positionFile;

    public Spool(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.dataFile = directory.resolve(DATA_FILE);
        this.positionFile = directory.resolve(POSITION_FILE);
    }

    public Path directory() {
        return directory;
    }

    /** Appends the events durably, in order, under the lock; returns only once they are on disk. */
    public void append(List<SpooledEvent> events) throws SpoolException {
        if (events.isEmpty()) {
            return;
        }
        ByteBuffer[] lines = new ByteBuffer[events.size()];
        long length = 0;
        for (int i = 0; i < lines.length; i++) {
            lines[i] = ByteBuffer.wrap(RecordCodec.encode(events.get(i)));
            length += lines[i].remaining();
        }
        createDirectory();
        try (SpoolLock lock = SpoolLock.acquire(directory)) {
            appendLocked(lines, length);
        } catch (IOException e) {
            throw SpoolException.of("cannot append to spool", directory, e);
        }
    }

    /** True when nothing is waiting (cheap: no lock, no read, does not create the directory). */
    public boolean isEmpty() {
        return dataFile.toFile().length() == 0;
    }

    /** Number of events waiting (takes the lock, reads the spool). */
    public int size() throws SpoolException {
        if (isEmpty()) {
            return 0;
        }
        try (SpoolLock lock = SpoolLock.acquire(directory);
             FileChannel data = FileChannel.open(dataFile, StandardOpenOption.READ)) {
            long end = TornTail.completeLength(data);
            LineReader lines = new LineReader(data, SpoolPosition.read(positionFile, data, end), end);
            int count = 0;
            while (lines.next()) {
                if (RecordCodec.decode(lines.buffer(), lines.from(), lines.to()) != null) {
                    count++;
                }
            }
            return count;
        } catch (NoSuchFileException drainedMeanwhile) {
            return 0;
        } catch (IOException e) {
            throw SpoolException.of("cannot read spool", directory, e);
        }
    }

    /**
     * Sends everything waiting, in order, in chunks, holding the lock; stops at the first chunk the sender fails,
     * leaving it and the rest spooled (failure in the result). The sender must not use this spool itself.
     */
    public DrainResult drain(SpoolSender sender) throws SpoolException {
        Objects.requireNonNull(sender, "sender");
        if (isEmpty()) {
            return new DrainResult(0, 0, 0, null);
        }
        try (SpoolLock lock = SpoolLock.acquire(directory)) {
            if (!Files.exists(dataFile)) {
                return new DrainResult(0, 0, 0, null);
            }
            DrainResult result;
            try (FileChannel data = FileChannel.open(dataFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 SpoolPosition position = new SpoolPosition(positionFile);
                 CorruptRecords corrupt = new CorruptRecords(directory)) {
                long end = TornTail.repair(data);
                LineReader lines = new LineReader(data, SpoolPosition.read(positionFile, data, end), end);
                result = new Drainer(lines, position, corrupt, sender).run();
            }
            if (result.complete()) {
                removeDrained();
            }
            return result;
        } catch (IOException e) {
            throw SpoolException.of("cannot drain spool", directory, e);
        }
    }

    @Override
    public String toString() {
        return "Spool[" + directory + "]";
    }

    private void appendLocked(ByteBuffer[] lines, long length) throws IOException {
        boolean creating = !Files.exists(dataFile);
        if (creating && Files.deleteIfExists(positionFile)) {
            // A position left by a drain that crashed while removing its files belongs to the old data file; it
            // must be gone for good before a new data file appears, or it would skip the new file's first records.
            DurableFiles.forceDirectory(directory);
        }
        try (FileChannel data = FileChannel.open(dataFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            if (creating) {
                DurableFiles.forceDirectory(directory);
            }
            long end = TornTail.repair(data);
            try {
                data.position(end);
                long left = length;
                while (left > 0) {
                    left -= data.write(lines);
                }
                data.force(true);
            } catch (IOException e) {
                // Leave no partial record behind (disk full, I/O error): the append failed as a whole.
                try {
                    data.truncate(end);
                    data.force(true);
                } catch (IOException undo) {
                    e.addSuppressed(undo);
                }
                throw e;
            }
        }
    }

    /**
     * Removes the files of a fully drained spool: the data file first (made durable), then the position, so a crash
     * in between leaves only a stale position, which the next append removes before it creates a new data file.
     */
    private void removeDrained() throws IOException {
        Files.deleteIfExists(dataFile);
        DurableFiles.forceDirectory(directory);
        Files.deleteIfExists(positionFile);
    }

    private void createDirectory() throws SpoolException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path absolute = directory.toAbsolutePath();
        Path existingAncestor = absolute.getParent();
        while (existingAncestor != null && !Files.isDirectory(existingAncestor)) {
            existingAncestor = existingAncestor.getParent();
        }
        try {
            Files.createDirectories(absolute, ownerOnly());
            for (Path parent = absolute.getParent(); parent != null; parent = parent.getParent()) {
                DurableFiles.forceDirectory(parent);
                if (parent.equals(existingAncestor)) {
                    break;
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new SpoolException("cannot create spool directory " + directory + ": "
                    + e.getFile() + " exists and is not a directory", e);
        } catch (IOException e) {
            throw SpoolException.of("cannot create spool directory", directory, e);
        }
    }

    /** Spooled events may hold anything an agent did, so new spool directories are private to their owner. */
    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
        };
    }
}
