package io.agentobs.consumer.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.agentobs.consumer.config.ConsumerProperties.RetryProperties;

import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;

/** The retry schedule for transient failures: 1 s doubling to 5 min, jittered, and never ending. */
class InfiniteRetryErrorHandlerTest {

    private final RetryProperties seedDefaults = new RetryProperties(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.2);

    @Test
    void backoffNeverStops() {
        BackOffExecution execution = InfiniteRetryErrorHandler.backOff(seedDefaults).start();
        for (int attempt = 0; attempt < 100_000; attempt++) {
            assertThat(execution.nextBackOff()).isNotEqualTo(BackOffExecution.STOP);
        }
    }

    @Test
    void backoffStartsNearOneSecondAndGrowsToFiveMinutes() {
        BackOffExecution execution = InfiniteRetryErrorHandler.backOff(seedDefaults).start();
        long first = execution.nextBackOff();
        assertThat(first).isBetween(1_000L, 1_200L);
        long last = 0;
        for (int attempt = 0; attempt < 30; attempt++) {
            last = execution.nextBackOff();
            assertThat(last).isLessThanOrEqualTo(300_000L);
        }
        assertThat(last).isGreaterThan(200_000L);
    }

    @Test
    void jitterSpreadsTheDelays() {
        long a = InfiniteRetryErrorHandler.backOff(seedDefaults).start().nextBackOff();
        boolean differs = false;
        for (int i = 0; i < 50 && !differs; i++) {
            differs = InfiniteRetryErrorHandler.backOff(seedDefaults).start().nextBackOff() != a;
        }
        assertThat(differs).isTrue();
    }
}
