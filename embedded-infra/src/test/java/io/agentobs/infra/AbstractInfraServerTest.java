package io.agentobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The lifecycle every embedded server inherits, on a server that only records what it is asked to do. */
class AbstractInfraServerTest {

    private final RecordingServer server = new RecordingServer();

    @Test
    void startAndStopAreIdempotentAndKeepThePort() {
        server.start();
        server.start();
        server.stop();
        server.stop();
        server.start();

        assertThat(server.calls).containsExactly("start", "stop", "start");
        assertThat(server.port()).isEqualTo(4242);
        assertThat(server.isRunning()).isTrue();
    }

    @Test
    void portIsRefusedBeforeTheFirstStart() {
        assertThatThrownBy(server::port).hasMessage("Fake server has not been started");
        assertThat(server).hasToString("RecordingServer[not started]");
    }

    @Test
    void failedStartIsUndoneAndLeavesTheServerStopped() {
        server.failStart = new IllegalStateException("no luck");

        assertThatThrownBy(server::start).isSameAs(server.failStart);

        assertThat(server.calls).containsExactly("start", "stop");
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void closeStopsAndReleasesOnceAndThenRefusesToStart() {
        server.start();
        server.close();
        server.close();

        assertThat(server.calls).containsExactly("start", "stop", "release");
        assertThatThrownBy(server::start).hasMessage("Fake server was closed");
    }

    @Test
    void closeReleasesEvenWhenTheStopFails() {
        server.start();
        server.failStop = new IllegalStateException("stuck");
        server.failRelease = new IllegalStateException("busy");

        assertThatThrownBy(server::close).isSameAs(server.failStop).hasSuppressedException(server.failRelease);

        assertThat(server.calls).containsExactly("start", "stop", "release");
        assertThat(server.isRunning()).isFalse();
    }

    /** Records its template-method calls; each may be told to fail. */
    private static final class RecordingServer extends AbstractInfraServer {

        final List<String> calls = new ArrayList<>();
        RuntimeException failStart;
        RuntimeException failStop;
        RuntimeException failRelease;

        RecordingServer() {
            super("Fake", 0);
        }

        @Override
        void startServer() {
            calls.add("start");
            if (failStart != null) {
                throw failStart;
            }
            assignPort(4242);
        }

        @Override
        void stopServer() {
            calls.add("stop");
            if (failStop != null) {
                throw failStop;
            }
        }

        @Override
        void releaseResources() {
            calls.add("release");
            if (failRelease != null) {
                throw failRelease;
            }
        }

        @Override
        String address() {
            return "fake://" + port();
        }
    }
}
