package io.agentobs.auditlogger.archive;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * One upload thread and its queue. A partition always uses the same lane, so its objects are written in offset
 * order. A failed upload stays at the head of the queue and is tried again with the consumer's backoff until it
 * succeeds: nothing behind it in the lane is written meanwhile.
 */
final class UploadLane implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(UploadLane.class);

    /** An upload: a closed file of a partition, and what to do with it. */
    record Job(PartitionArchive partition, ClosedFile file) {
    }

    /** What a lane does with a job: encode and upload it; throws to be retried. */
    @FunctionalInterface
    interface Work {
        void upload(Job job) throws Exception;
    }

    private final String name;
    private final Work work;
    private final BackOff backOff;
    private final Events events;
    private final Object monitor;
    private final Deque<Job> queue = new ArrayDeque<>();
    private volatile Exception failure;
    private Job running;
    private boolean closed;

    /** What the owner of a lane hears from it, on the lane's thread. */
    interface Events {

        /** A job is done or dropped: its memory can be released. */
        void finished(Job job);

        /** An upload failed and will be retried. */
        void failed(Exception failure);

        /** An upload succeeded after failures. */
        void recovered();
    }

    /**
     * @param events told about finished jobs, failures and recovery
     * @param monitor object notified after every job and failure, for those waiting on progress
     */
    UploadLane(String name, Work work, BackOff backOff, Events events, Object monitor) {
        this.name = name;
        this.work = work;
        this.backOff = backOff;
        this.events = events;
        this.monitor = monitor;
    }

    synchronized void submit(Job job) {
        job.partition().pending.incrementAndGet();
        queue.addLast(job);
        notifyAll();
    }

    /** The last upload failure, while the lane is retrying it; null when the lane is healthy. */
    Exception failure() {
        return failure;
    }

    /**
     * Drops the jobs of a revoked partition that are not being uploaded right now (a running one is dropped if it
     * fails), and releases their memory.
     */
    void cancel(PartitionArchive partition) {
        Deque<Job> cancelled = new ArrayDeque<>();
        synchronized (this) {
            queue.removeIf(job -> {
                if (job.partition() == partition && job != running) {
                    cancelled.add(job);
                    return true;
                }
                return false;
            });
        }
        cancelled.forEach(this::done);
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    @Override
    public void run() {
        BackOffExecution retries = null;
        while (true) {
            Job job;
            synchronized (this) {
                while (!closed && queue.isEmpty()) {
                    waitQuietly(0);
                }
                if (closed) {
                    return;
                }
                job = queue.peekFirst();
                running = job;
            }
            try {
                if (!job.partition().revoked) {
                    work.upload(job);
                }
                synchronized (this) {
                    queue.remove(job);
                    running = null;
                }
                if (failure != null) {
                    log.info("Upload lane {} is writing to S3 again", name);
                    events.recovered();
                }
                failure = null;
                retries = null;
                done(job);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                boolean dropped;
                synchronized (this) {
                    running = null;
                    // a revoked partition's offsets are archived by its next owner
                    dropped = job.partition().revoked && queue.remove(job);
                }
                if (dropped) {
                    done(job);
                    continue;
                }
                if (failure == null) {
                    log.warn("Upload lane {} failed to store {} [{}, {}): {}; retrying with backoff",
                            name, job.partition().partition, job.file().startOffset(), job.file().endOffset(), e.toString());
                } else {
                    log.debug("Upload lane {} still failing", name, e);
                }
                failure = e;
                events.failed(e);
                signal();
                if (retries == null) {
                    retries = backOff.start();
                }
                synchronized (this) {
                    waitQuietly(retries.nextBackOff());
                }
            }
        }
    }

    private void done(Job job) {
        job.partition().pending.decrementAndGet();
        events.finished(job);
        signal();
    }

    private void signal() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Waits for a submit or close; an interrupt closes the lane. */
    private void waitQuietly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }
}
