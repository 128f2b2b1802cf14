package io.agentobs.infra.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import io.agentobs.infra.InfraServer;
import org.junit.jupiter.api.Test;

/** A shared server whose start fails: closed at once, and not tried again by later test classes. */
class SharedServerTest {

    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final IllegalStateException startFailure = new IllegalStateException("port in use");
    private final IllegalStateException closeFailure = new IllegalStateException("temp dir busy");

    @Test
    void failedStartIsClosedAndRememberedForLaterClasses() {
        SharedServer<InfraServer> shared = new SharedServer<>(FailingServer::new);

        assertThatThrownBy(shared::get).isSameAs(startFailure).hasSuppressedException(closeFailure);
        assertThatThrownBy(shared::get).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed to start earlier").hasCause(startFailure);

        assertThat(created).hasValue(1);
        assertThat(closed).hasValue(1);
    }

    /** Fails to start, and to close, as a server with a stuck child process might. */
    private final class FailingServer implements InfraServer {

        FailingServer() {
            created.incrementAndGet();
        }

        @Override
        public void start() {
            throw startFailure;
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return false;
        }

        @Override
        public void close() {
            closed.incrementAndGet();
            throw closeFailure;
        }
    }
}
