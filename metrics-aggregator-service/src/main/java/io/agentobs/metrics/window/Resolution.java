package io.agentobs.metrics.window;

import java.time.Duration;

/**
 * One window size the service aggregates into: every event is counted directly into its window of each resolution,
 * so coarse windows are exact sums of the events, never averages of finer windows.
 *
 * @param seconds window length; windows start at multiples of it since the epoch (UTC)
 * @param ttl how long a window's keys live after their last write
 */
public record Resolution(long seconds, Duration ttl) {

    public Resolution {
        if (seconds < 1) {
            throw new IllegalArgumentException("window length must be at least 1 s, was " + seconds);
        }
    }

    /** The label in key names: {@code 5s}, {@code 1m}, {@code 5m}, {@code 1h}. */
    public String label() {
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** Start (epoch seconds) of the window holding this instant, given in epoch milliseconds. */
    public long windowStart(long epochMillis) {
        return Math.floorDiv(Math.floorDiv(epochMillis, 1000L), seconds) * seconds;
    }

    /** End (exclusive, epoch milliseconds) of the window holding this instant. */
    public long windowEndMillis(long epochMillis) {
        return (windowStart(epochMillis) + seconds) * 1000L;
    }
}
