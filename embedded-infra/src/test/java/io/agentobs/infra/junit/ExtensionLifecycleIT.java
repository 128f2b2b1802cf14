package io.agentobs.infra.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.agentobs.infra.RedisServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs small test classes in a JUnit engine of their own and checks when their servers start and stop. */
class ExtensionLifecycleIT {

    @Test
    void dedicatedServerLivesFromBeforeAllToAfterAllOfItsClassIncludingNestedClasses() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(DedicatedRedisTests.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(DedicatedRedisTests.seen.isRunning()).isFalse();
        assertThat(DedicatedRedisTests.Inner.seen).isSameAs(DedicatedRedisTests.seen);
    }

    @Test
    void sharedServerIsClosedWhenTheJunitRunEnds() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(SharedRedisTests.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));

        assertThat(SharedRedisTests.seen.isRunning()).isFalse();
        assertThat(RedisExtension.shared().server()).isNotSameAs(SharedRedisTests.seen);
        assertThat(RedisExtension.shared().isRunning()).isTrue();
    }

    static class DedicatedRedisTests {

        @RegisterExtension
        static final RedisExtension redis = new RedisExtension();

        static RedisServer seen;

        @Test
        void serverRuns() {
            seen = redis.server();
            assertThat(seen.isRunning()).isTrue();
        }

        @Nested
        class Inner {

            static RedisServer seen;

            @Test
            void nestedClassSeesTheSameServer() {
                seen = redis.server();
                assertThat(seen.isRunning()).isTrue();
            }
        }
    }

    static class SharedRedisTests {

        @RegisterExtension
        static final RedisExtension redis = RedisExtension.shared();

        static RedisServer seen;

        @Test
        void serverRuns() {
            seen = redis.server();
            assertThat(seen.isRunning()).isTrue();
        }
    }
}
