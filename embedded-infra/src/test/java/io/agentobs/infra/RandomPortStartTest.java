package io.agentobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;

/** When a start on a chosen port is retried on another one, with a fake launch. */
class RandomPortStartTest {

    private final List<Integer> launched = new ArrayList<>();
    private final AtomicInteger nextPort = new AtomicInteger(40000);
    private final IntSupplier freePorts = nextPort::incrementAndGet;

    @Test
    void requestedPortIsLaunchedOnceWithoutRetry() {
        assertThatThrownBy(() -> RandomPortStart.start(5000, freePorts, port -> {
            launched.add(port);
            throw bindFailure(port);
        })).isInstanceOf(UncheckedIOException.class);

        assertThat(launched).containsExactly(5000);
    }

    @Test
    void portTakenBeforeTheBindIsReplacedByAnother() {
        int port = RandomPortStart.start(0, freePorts, candidate -> {
            launched.add(candidate);
            if (launched.size() < 3) {
                throw bindFailure(candidate);
            }
        });

        assertThat(launched).containsExactly(40001, 40002, 40003);
        assertThat(port).isEqualTo(40003);
    }

    @Test
    void failureOtherThanATakenPortIsNotRetried() {
        IllegalStateException broken = new IllegalStateException("initdb failed");

        assertThatThrownBy(() -> RandomPortStart.start(0, freePorts, candidate -> {
            launched.add(candidate);
            throw broken;
        })).isSameAs(broken);

        assertThat(launched).hasSize(1);
    }

    @Test
    void retriesAreBoundedAndKeepEveryFailure() {
        assertThatThrownBy(() -> RandomPortStart.start(0, freePorts, candidate -> {
            launched.add(candidate);
            throw bindFailure(candidate);
        })).hasMessageContaining("40005").hasSuppressedException(bindFailure(40004));

        assertThat(launched).hasSize(RandomPortStart.ATTEMPTS);
    }

    @Test
    void messageOfAServerThatReportsNoBindExceptionCounts() {
        RuntimeException redis = new IllegalStateException("Redis did not start",
                new IllegalStateException("Could not create server TCP listening socket: bind: Address already in use"));

        assertThat(RandomPortStart.isBindFailure(redis, FreePorts.next())).isTrue();
        assertThat(RandomPortStart.isBindFailure(new IllegalStateException("disk full"), FreePorts.next())).isFalse();
    }

    private static UncheckedIOException bindFailure(int port) {
        return new UncheckedIOException(new BindException("port " + port + ": Address already in use"));
    }
}
