package io.agentobs.metrics.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LogLinearBucketsTest {

    @Test
    void valuesBelow256HaveABucketOfTheirOwn() {
        for (long v = 0; v < LogLinearBuckets.EXACT_BELOW; v++) {
            int index = LogLinearBuckets.index(v);
            assertThat(LogLinearBuckets.lowerBound(index)).isEqualTo(v);
            assertThat(LogLinearBuckets.upperBound(index)).isEqualTo(v);
        }
    }

    @Test
    void everyValueLiesInItsBucketWhoseWidthIsBelowOnePercentOfIt() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long v = (long) Math.exp(random.nextDouble() * Math.log(Long.MAX_VALUE / 2.0));
            int index = LogLinearBuckets.index(v);
            long low = LogLinearBuckets.lowerBound(index);
            long high = LogLinearBuckets.upperBound(index);
            assertThat(v).as("value %d in bucket %d", v, index).isBetween(low, high);
            assertThat((double) (high - low) / low).isLessThan(0.008);
        }
    }

    @Test
    void bucketsAreContiguousAndOrdered() {
        for (int index = 0; index < LogLinearBuckets.index(Long.MAX_VALUE); index++) {
            assertThat(LogLinearBuckets.lowerBound(index + 1)).isEqualTo(LogLinearBuckets.upperBound(index) + 1);
            assertThat(LogLinearBuckets.index(LogLinearBuckets.lowerBound(index))).isEqualTo(index);
            assertThat(LogLinearBuckets.index(LogLinearBuckets.upperBound(index))).isEqualTo(index);
        }
    }

    @Test
    void eachPowerOfTwoAboveTheExactRangeHas128Buckets() {
        assertThat(LogLinearBuckets.index(256)).isEqualTo(256);
        assertThat(LogLinearBuckets.index(511)).isEqualTo(383);
        assertThat(LogLinearBuckets.index(512)).isEqualTo(384);
        assertThat(LogLinearBuckets.index(120_000)).isEqualTo(256 + 8 * 128 + (int) (120_000 >> 9) - 128);
        assertThat(LogLinearBuckets.lowerBound(LogLinearBuckets.index(120_000))).isEqualTo(119_808);
    }

    @Test
    void negativeValuesCountAsZero() {
        assertThat(LogLinearBuckets.index(-5)).isZero();
    }
}
