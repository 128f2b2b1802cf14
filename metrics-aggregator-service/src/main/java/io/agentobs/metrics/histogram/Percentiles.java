package io.agentobs.metrics.histogram;

import java.util.Map;
import java.util.TreeMap;

/**
 * Percentiles of merged bucketed histograms (field = {@link LogLinearBuckets} index, value = count), by nearest
 * rank: the p-th percentile of N values is the value of rank ⌈p·N/100⌉ in ascending order, reported as the lower
 * bound of its bucket. Merging the hashes of several windows first makes any range exact at bucket precision.
 */
public final class Percentiles {

    private final TreeMap<Integer, Long> buckets = new TreeMap<>();
    private long total;

    /** Adds one histogram as read from Redis ({@code HGETALL}). */
    public Percentiles merge(Map<String, String> hash) {
        hash.forEach((field, count) -> add(Integer.parseInt(field), Long.parseLong(count)));
        return this;
    }

    /** Adds {@code count} values in bucket {@code index}. */
    public Percentiles add(int index, long count) {
        if (count > 0) {
            buckets.merge(index, count, Long::sum);
            total += count;
        }
        return this;
    }

    /** Number of values merged. */
    public long count() {
        return total;
    }

    /**
     * The nearest-rank percentile at bucket precision, {@code perMille} = 500 for p50, 950 for p95, 990 for p99;
     * null when the histogram is empty.
     */
    public Long perMille(int perMille) {
        if (perMille < 1 || perMille > 1000) {
            throw new IllegalArgumentException("per mille must be 1..1000, was " + perMille);
        }
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (total * perMille + 999) / 1000);
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : buckets.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return LogLinearBuckets.lowerBound(bucket.getKey());
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + total);
    }

    public Long p50() {
        return perMille(500);
    }

    public Long p95() {
        return perMille(950);
    }

    public Long p99() {
        return perMille(990);
    }
}
