package io.agentobs.auditlogger.archive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.agentobs.consumer.health.SinkHealth;

import org.springframework.util.backoff.BackOff;

/**
 * Encodes and uploads closed files on a few background threads (lanes), so the consumer thread keeps decoding while
 * earlier files are compressed and written. Keeps count of the bytes in flight for the memory budget, and reports
 * lane failures to readiness.
 */
final class ArchiveUploader implements AutoCloseable, UploadLane.Events {

    private final List<UploadLane> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final Object progress = new Object();
    private final SinkHealth sinkHealth;

    ArchiveUploader(int laneCount, UploadLane.Work work, BackOff backOff, SinkHealth sinkHealth) {
        this.sinkHealth = sinkHealth;
        for (int i = 0; i < laneCount; i++) {
            UploadLane lane = new UploadLane("upload-" + i, work, backOff, this, progress);
            Thread thread = new Thread(lane, "audit-upload-" + i);
            thread.setDaemon(true);
            lanes.add(lane);
            threads.add(thread);
            thread.start();
        }
    }

    /** Queues a closed file of this partition behind the partition's earlier files. */
    void submit(PartitionArchive partition, ClosedFile file) {
        inFlightBytes.addAndGet(file.bytes());
        laneOf(partition).submit(new UploadLane.Job(partition, file));
    }

    long inFlightBytes() {
        return inFlightBytes.get();
    }

    /** The failure a lane is retrying right now, or null when every lane writes. */
    Exception failure() {
        for (UploadLane lane : lanes) {
            Exception failure = lane.failure();
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /**
     * Waits until at most {@code limit} bytes are in flight.
     *
     * @return false if that did not happen within the timeout, or a lane is failing
     */
    boolean awaitInFlightAtMost(long limit, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (inFlightBytes.get() > limit) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || failure() != null) {
                    return false;
                }
                progress.wait(Math.max(1, Math.min(left / 1_000_000, 1_000)));
            }
        }
        return true;
    }

    /**
     * Waits until every closed file of this partition is uploaded.
     *
     * @return false if that did not happen within the timeout
     */
    boolean awaitPartition(PartitionArchive partition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (partition.pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, Math.min(left / 1_000_000, 1_000)));
            }
        }
        return true;
    }

    /** Drops the queued uploads of a partition this consumer no longer owns. */
    void cancel(PartitionArchive partition) {
        partition.revoked = true;
        laneOf(partition).cancel(partition);
    }

    @Override
    public void close() {
        lanes.forEach(UploadLane::close);
        for (Thread thread : threads) {
            thread.interrupt();
        }
    }

    @Override
    public void finished(UploadLane.Job job) {
        inFlightBytes.addAndGet(-job.file().bytes());
    }

    @Override
    public void failed(Exception failure) {
        sinkHealth.writeFailed(failure);
    }

    @Override
    public void recovered() {
        sinkHealth.writeSucceeded();
    }

    private UploadLane laneOf(PartitionArchive partition) {
        return lanes.get(Math.floorMod(partition.partition.hashCode(), lanes.size()));
    }
}
