package io.agentobs.cli.replay;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    private static final long MS = 1_000_000;

    /** Time that moves only when the limiter sleeps or the test says so. */
    private static final class FakeTicker implements RateLimiter.Ticker {

        long now = 5_000 * MS;
        long slept;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            now += nanos;
            slept += nanos;
        }
    }

    private final FakeTicker ticker = new FakeTicker();

    @Test
    void permitsAreSpacedEvenlyFromTheFirst() {
        RateLimiter limiter = new RateLimiter(100, ticker);
        long start = ticker.now;
        List<Long> granted = new ArrayList<>();

        for (int i = 0; i < 50; i++) {
            limiter.acquire();
            granted.add((ticker.now - start) / MS);
        }

        assertThat(granted).startsWith(0L, 10L, 20L, 30L).endsWith(480L, 490L);
        assertThat(ticker.slept).isEqualTo(490 * MS);
    }

    @Test
    void fractionalRatesDoNotDrift() {
        RateLimiter limiter = new RateLimiter(3, ticker);
        long start = ticker.now;

        for (int i = 0; i < 301; i++) {
            limiter.acquire();
        }

        assertThat(ticker.now - start).isBetween(100_000 * MS - 1, 100_000 * MS);
    }

    @Test
    void aCallerThatFellBehindGetsNoBurst() {
        RateLimiter limiter = new RateLimiter(10, ticker);
        limiter.acquire();
        ticker.now += 1_000 * MS;

        limiter.acquire();
        long afterStall = ticker.now;
        limiter.acquire();

        assertThat(ticker.now - afterStall).isEqualTo(100 * MS);
    }

    @Test
    void aCallerSlightlyLateKeepsTheSchedule() {
        RateLimiter limiter = new RateLimiter(10, ticker);
        long start = ticker.now;
        limiter.acquire();
        ticker.now += 150 * MS;

        limiter.acquire();
        limiter.acquire();

        assertThat(ticker.now - start).isEqualTo(200 * MS);
    }

    @Test
    void onlyPositiveFiniteRatesAreAccepted() {
        assertThatThrownBy(() -> new RateLimiter(0, ticker)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(Double.NaN, ticker)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(Double.POSITIVE_INFINITY, ticker))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
