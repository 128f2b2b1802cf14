package io.agentobs.cli.simulate;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** The generator's seeded randomness: uniform, weighted and log-normal draws and random UUIDs. */
final class RandomSource {

    private static final long VERSION_MASK = 0xFFFF_FFFF_FFFF_0FFFL;
    private static final long VERSION_4 = 0x0000_0000_0000_4000L;
    private static final long VARIANT_MASK = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;

    private final SplittableRandom random;

    RandomSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Uniform in [0, 1). */
    double unit() {
        return random.nextDouble();
    }

    /** Uniform in [low, high). */
    double between(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Uniform in [low, high], both inclusive. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Index drawn with probability proportional to {@code cumulativeWeights[i] - cumulativeWeights[i - 1]}. */
    int weightedIndex(double[] cumulativeWeights) {
        double target = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        for (int i = 0; i < cumulativeWeights.length - 1; i++) {
            if (target < cumulativeWeights[i]) {
                return i;
            }
        }
        return cumulativeWeights.length - 1;
    }

    /** Normal with the given mean and standard deviation. */
    double gaussian(double mean, double standardDeviation) {
        return mean + standardDeviation * random.nextGaussian();
    }

    /** Normal, clamped to [min, max]. */
    double clampedGaussian(double mean, double standardDeviation, double min, double max) {
        return Math.min(max, Math.max(min, gaussian(mean, standardDeviation)));
    }

    /**
     * Log-normal with the given median and shape {@code sigma} (the spread of the logarithm), rounded to a whole
     * number in [1, max]: long right tails, like tool latencies.
     */
    long logNormal(double median, double sigma, long max) {
        long drawn = Math.round(median * Math.exp(sigma * random.nextGaussian()));
        return Math.min(max, Math.max(1, drawn));
    }

    /** A random (version 4) UUID in canonical form. */
    String uuid() {
        long most = (random.nextLong() & VERSION_MASK) | VERSION_4;
        long least = (random.nextLong() & VARIANT_MASK) | VARIANT_IETF;
        return new UUID(most, least).toString();
    }
}
