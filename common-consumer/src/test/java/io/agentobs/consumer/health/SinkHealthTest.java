package io.agentobs.consumer.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** Readiness of the sink across consumer threads and probes. */
class SinkHealthTest {

    private final SinkHealth health = new SinkHealth(Clock.systemUTC());

    @Test
    void oneThreadsSuccessDoesNotHideAnotherThreadStillRetrying() throws Exception {
        CompletableFuture.runAsync(() -> health.writeFailed(new ConnectException("down")), r -> new Thread(r, "consumer-0").start()).get();
        CompletableFuture.runAsync(health::writeSucceeded, r -> new Thread(r, "consumer-1").start()).get();

        assertThat(health.healthy()).isFalse();
        assertThat(health.writes().lastError()).contains("down");

        CompletableFuture.runAsync(health::writeSucceeded, r -> new Thread(r, "consumer-0").start()).get();
        assertThat(health.healthy()).isTrue();
    }

    @Test
    void failingProbeMakesTheSinkUnhealthyUntilItSucceeds() {
        health.probeFailed(new ConnectException("refused"));
        health.probeFailed(new ConnectException("refused"));
        assertThat(health.healthy()).isFalse();
        assertThat(health.probes().consecutiveFailures()).isEqualTo(2);
        health.probeSucceeded();
        assertThat(health.healthy()).isTrue();
    }
}
