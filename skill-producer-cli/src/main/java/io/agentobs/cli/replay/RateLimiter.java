package io.agentobs.cli.replay;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces sends to a steady rate: the n-th permit after a start is due n/rate seconds after it. A caller that falls
 * more than one permit behind (a slow broker, a slow read) gets no burst to catch up: the schedule starts again from
 * then. Deterministic for a given {@link Ticker}. Use from one thread at a time.
 */
public final class RateLimiter {

    /** Where the limiter reads the time and waits: the system in production, a fake in tests. */
    public interface Ticker {

        /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
        long nanoTime();

        /** Waits about {@code nanos}; may return early, the limiter checks the time again. */
        void sleep(long nanos);
    }

    private static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) {
            LockSupport.parkNanos(nanos);
        }
    };

    private final double nanosPerPermit;
    private final Ticker ticker;
    private boolean started;
    private long anchor;
    private long issued;

    /**
     * @param permitsPerSecond the rate, positive and finite
     * @throws IllegalArgumentException for any other rate
     */
    public RateLimiter(double permitsPerSecond, Ticker ticker) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("rate must be positive and finite, got " + permitsPerSecond);
        }
        this.nanosPerPermit = 1e9 / permitsPerSecond;
        this.ticker = ticker;
    }

    /** A limiter on the system clock. */
    public static RateLimiter perSecond(double permitsPerSecond) {
        return new RateLimiter(permitsPerSecond, SYSTEM);
    }

    /** Waits until the next permit is due and takes it; the first permit is due at once. */
    public void acquire() {
        long now = ticker.nanoTime();
        if (!started) {
            started = true;
            anchor = now;
            issued = 0;
        }
        long due = anchor + (long) (issued * nanosPerPermit);
        if (due - now > 0) {
            while (due - now > 0) {
                ticker.sleep(due - now);
                now = ticker.nanoTime();
            }
        } else if (now - due > nanosPerPermit) {
            anchor = now;
            issued = 0;
        }
        issued++;
    }
}
