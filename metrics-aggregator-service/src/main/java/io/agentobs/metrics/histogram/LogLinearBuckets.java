package io.agentobs.metrics.histogram;



/**
 * HdrHistogram-style log-linear buckets for non-negative durations: every integer below 256 has a bucket of its own
 * (exact); above, each power of two is split into 128 equal buckets, so a bucket's width is below 0.8 % of the values
 * in it (HdrHistogram's two significant digits). That precision keeps a window's histogram to at most 128 fields per
 * power of two: most per-agent histograms stay in Redis' compact hash encoding. Bucket indexes are what the Redis
 * histogram hashes store as fields, so this mapping is part of the key layout: changing it needs a new key prefix.
 */
public final class LogLinearBuckets {

    /** Values below this are exact. */
    public static final int EXACT_BELOW = 256;
    /** Buckets per power of two above {@link #EXACT_BELOW}. */
    public static final int PER_POWER_OF_TWO = EXACT_BELOW / 2;
    private static final int HALF = PER_POWER_OF_TWO;
    private static final int HALF_BITS = Integer.numberOfTrailingZeros(HALF);

    private LogLinearBuckets() {
    }

    /** The bucket of a value; negative values count as 0. */
    public static int index(long value) {
        if (value < EXACT_BELOW) {
            return (int) Math.max(0, value);
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - HALF_BITS;
        return EXACT_BELOW + (shift - 1) * HALF + (int) ((value >> shift) - HALF);
    }

    /** The smallest value in a bucket: what percentiles report for it. */
    public static long lowerBound(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("bucket index " + index);
        }
        if (index < EXACT_BELOW) {
            return index;
        }
        int shift = (index - EXACT_BELOW) / HALF + 1;
        long mantissa = (index - EXACT_BELOW) % HALF + HALF;
        return mantissa << shift;
    }

    /** The largest value in a bucket. */
    public static long upperBound(int index) {
        return index < EXACT_BELOW ? index : lowerBound(index + 1) - 1;
    }
}
