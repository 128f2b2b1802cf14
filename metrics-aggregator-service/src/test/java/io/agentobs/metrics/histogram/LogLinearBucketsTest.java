package io.agentobs.metrics.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LogLinearBucketsTest {

    @Test
    void valuesBelow2048HaveABucketOfTheirOwn() {
        for (long v = 0; v < LogLinearBuckets.EXACT_BELOW; v++) {
            int index = LogLinearBuckets.index(v);
            assertThat(LogLinearBuckets.lowerBound(index)).isEqualTo(v);
            assertThat(LogLinearBuckets.upperBound(index)).isEqualTo(v);
        }
    }

    @Test
    void everyValueLiesInItsBucketWhoseWidthIsBelowOnePermilleOfIt() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long v = (long) Math.exp(random.nextDouble() * Math.log(Long.MAX_VALUE / 2.0));
            int index = LogLinearBuckets.index(v);
            long low = LogLinearBuckets.lowerBound(index);
            long high = LogLinearBuckets.upperBound(index);
            assertThat(v).as("value %d in bucket %d", v, index).isBetween(low, high);
            assertThat((double) (high - low) / low).isLessThan(0.001);
        }
    }

    @Test
    void bucketsAreContiguousAndOrdered() {
        for (int index = 0; index < 20_000; index++) {
            assertThat(LogLinearBuckets.lowerBound(index + 1)).isEqualTo(LogLinearBuckets.upperBound(index) + 1);
            assertThat(LogLinearBuckets.index(LogLinearBuckets.lowerBound(index))).isEqualTo(index);
            assertThat(LogLinearBuckets.index(LogLinearBuckets.upperBound(index))).isEqualTo(index);
        }
    }

    @Test
    void negativeValuesCountAsZero() {
        assertThat(LogLinearBuckets.index(-5)).isZero();
    }
}
