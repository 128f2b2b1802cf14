package io.agentobs.metrics.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void mergedHistogramsGiveTheNearestRankPercentileAtBucketPrecision() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(5_000);
            long[] values = new long[n];
            Map<String, String> first = new HashMap<>();
            Map<String, String> second = new HashMap<>();
            for (int i = 0; i < n; i++) {
                values[i] = (long) Math.exp(random.nextDouble() * 14);
                Map<String, String> into = i % 2 == 0 ? first : second;
                into.merge(Integer.toString(LogLinearBuckets.index(values[i])), "1",
                        (a, b) -> Long.toString(Long.parseLong(a) + 1));
            }
            Percentiles percentiles = new Percentiles().merge(first).merge(second);
            Arrays.sort(values);
            assertThat(percentiles.count()).isEqualTo(n);
            for (int perMille : new int[] {1, 500, 950, 990, 1000}) {
                long direct = values[(int) Math.ceil(perMille * (double) n / 1000) - 1];
                assertThat(percentiles.perMille(perMille)).as("p%d of %d values", perMille / 10, n)
                        .isEqualTo(LogLinearBuckets.lowerBound(LogLinearBuckets.index(direct)));
            }
        }
    }

    @Test
    void smallValuesAreExact() {
        Percentiles percentiles = new Percentiles();
        for (int v = 1; v <= 100; v++) {
            percentiles.add(LogLinearBuckets.index(v), 1);
        }
        assertThat(percentiles.p50()).isEqualTo(50);
        assertThat(percentiles.p95()).isEqualTo(95);
        assertThat(percentiles.p99()).isEqualTo(99);
    }

    @Test
    void emptyHistogramHasNoPercentile() {
        assertThat(new Percentiles().p50()).isNull();
    }
}
