package io.agentobs.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Counts consumed events towards a target, noting when the first batch came and when the target was reached. */
public final class EventCounter {

    private final long target;
    private final AtomicLong count = new AtomicLong();
    private final CountDownLatch reached = new CountDownLatch(1);
    private volatile long firstBatchNanos;
    private volatile long firstBatchSize;
    private volatile long reachedNanos;

    public EventCounter(long target) {
        if (target < 1) {
            throw new IllegalArgumentException("target must be positive, was " + target);
        }
        this.target = target;
    }

    /** Records a batch of {@code size} events, seen now. */
    public void add(int size) {
        long now = System.nanoTime();
        long before = count.getAndAdd(size);
        if (before == 0) {
            firstBatchNanos = now;
            firstBatchSize = size;
        }
        if (before < target && before + size >= target) {
            reachedNanos = now;
            reached.countDown();
        }
    }

    public long count() {
        return count.get();
    }

    public boolean reached() {
        return reached.getCount() == 0;
    }

    /** Waits until the target is reached; false if {@code timeout} passed first. */
    public boolean await(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The run's figures, timed from {@code startNanos} ({@link System#nanoTime()}); the target must be reached. */
    public Measurement measurement(String name, long startNanos) {
        if (!reached()) {
            throw new IllegalStateException(name + " saw " + count() + " of " + target + " events");
        }
        return new Measurement(name, target, count(), reachedNanos - startNanos, firstBatchSize,
                reachedNanos - firstBatchNanos);
    }
}
