package io.agentobs.cli.archive;

import io.agentobs.audit.archive.ArchiveFileInfo;
import io.agentobs.audit.archive.ArchiveObject;
import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.audit.archive.S3Archive;
import io.agentobs.audit.archive.S3Settings;
import io.agentobs.cli.TimeWindow;
import io.agentobs.cli.UnavailableException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The CLI's read access to the audit archive ({@code audit verify}, {@code replay}): connects to the bucket, lists a
 * topic's files with their footers, streams a file's records, and turns every failure of S3 or of an archive object
 * into an {@link UnavailableException} naming the location (exit 3), in this one place. Only the archive commands'
 * {@code call()} loads it, so the publish path never loads the S3, Parquet or Hadoop classes.
 *
 * <p>Lifecycle: {@link #open}, then any number of {@link #list} and {@link #forEachRecord}, then {@link #close}.
 */
public final class ArchiveSession implements AutoCloseable {

    /** Footers are two small ranged GETs each: a few at a time hide the round trips. */
    private static final int FOOTER_READERS = 8;

    private static final Comparator<ArchivedFile> BY_PARTITION_AND_OFFSET = Comparator
            .comparingInt((ArchivedFile file) -> file.info().partition())
            .thenComparingLong(file -> file.info().startOffset())
            .thenComparingLong(file -> file.info().endOffset());

    /** Reports how many footers of a listing are read, from the thread that called {@link #list}. */
    @FunctionalInterface
    public interface FooterProgress {

        void footersRead(int done, int total);
    }

    private final ArchiveLocation location;
    private final S3Archive archive;
    private final ExecutorService footerReaders;

    private ArchiveSession(ArchiveLocation location, S3Archive archive) {
        this.location = location;
        this.archive = archive;
        AtomicInteger threads = new AtomicInteger();
        this.footerReaders = Executors.newFixedThreadPool(FOOTER_READERS, task -> {
            Thread thread = new Thread(task, "agentobs-archive-footer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens a client for the location and checks that the bucket answers (HeadBucket).
     *
     * @throws UnavailableException when S3 cannot be reached, refuses the credentials, or has no such bucket
     */
    public static ArchiveSession open(ArchiveLocation location) throws UnavailableException {
        S3Settings settings = new S3Settings(location.bucket(), location.prefix(), location.endpoint(),
                location.region(), location.pathStyle(), location.accessKey(), location.secretKey(),
                S3Settings.ConditionalWrites.AUTO);
        S3Archive archive;
        try {
            archive = new S3Archive(settings.newClient(), settings);
        } catch (RuntimeException failed) {
            throw unavailable(location, "cannot set up the S3 client for", failed);
        }
        try {
            archive.probe();
        } catch (SdkServiceException refused) {
            archive.close();
            throw unavailable(location, switch (refused.statusCode()) {
                case 404 -> "no such bucket: cannot read";
                case 401, 403 -> "access denied (check the credentials): cannot read";
                default -> "cannot reach";
            }, refused);
        } catch (RuntimeException failed) {
            archive.close();
            throw unavailable(location, "cannot reach", failed);
        }
        return new ArchiveSession(location, archive);
    }

    /**
     * The topic's files whose hour partition (of their first record) overlaps [from - 1 h, to), with their footers,
     * sorted by partition and start offset. A file deleted between the listing and its footer read is left out and
     * counted.
     *
     * @throws UnavailableException when the listing or a footer cannot be read
     */
    public ArchiveListing list(String topic, TimeWindow window, FooterProgress progress) throws UnavailableException {
        List<ArchiveObject> objects;
        try {
            objects = archive.list(topic, window.from(), window.to());
        } catch (RuntimeException failed) {
            throw unavailable(location, "cannot list " + topic + " in", failed);
        }
        List<Future<Optional<ArchiveFileInfo>>> footers = new ArrayList<>(objects.size());
        for (ArchiveObject object : objects) {
            footers.add(footerReaders.submit(() -> archive.readInfo(object)));
        }
        List<ArchivedFile> files = new ArrayList<>(objects.size());
        int vanished = 0;
        try {
            for (int i = 0; i < objects.size(); i++) {
                Optional<ArchiveFileInfo> info = footer(footers.get(i), objects.get(i));
                if (info.isPresent()) {
                    files.add(new ArchivedFile(objects.get(i), info.get()));
                } else {
                    vanished++;
                }
                progress.footersRead(i + 1, objects.size());
            }
        } finally {
            footers.forEach(footer -> footer.cancel(true));
        }
        files.sort(BY_PARTITION_AND_OFFSET);
        return new ArchiveListing(files, vanished);
    }

    /**
     * Streams the file's records in offset order to {@code action}. What {@code action} throws passes through
     * unchanged; only failures of the archive become {@link UnavailableException}.
     *
     * @throws UnavailableException when the object cannot be read or decoded
     */
    public void forEachRecord(ArchivedFile file, Consumer<ArchivedRecord> action) throws UnavailableException {
        try {
            archive.forEachRecord(file.object(), record -> {
                try {
                    action.accept(record);
                } catch (RuntimeException actionFailed) {
                    throw new ActionFailure(actionFailed);
                }
            });
        } catch (IOException | RuntimeException failed) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof ActionFailure actionFailure) {
                    throw (RuntimeException) actionFailure.getCause();
                }
            }
            throw unavailable(location, "cannot read " + file.object().key() + " in", failed);
        }
    }

    private Optional<ArchiveFileInfo> footer(Future<Optional<ArchiveFileInfo>> footer, ArchiveObject object)
            throws UnavailableException {
        try {
            return footer.get();
        } catch (ExecutionException failed) {
            throw unavailable(location, "cannot read the footer of " + object.key() + " in", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable(location, "interrupted while reading footers of", interrupted);
        }
    }

    private static UnavailableException unavailable(ArchiveLocation location, String what, Throwable cause) {
        return new UnavailableException(what + " the audit archive " + location.describe() + ": "
                + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        footerReaders.shutdownNow();
        archive.close();
    }

    /** Carries an exception of the caller's action through the archive's reader, to be told apart from its own. */
    private static final class ActionFailure extends RuntimeException {

        ActionFailure(RuntimeException cause) {
            super(cause);
        }
    }
}
