package io.agentobs.infra.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.agentobs.infra.EmbeddedRedisServer;
import io.agentobs.infra.RedisOptions;
import io.agentobs.infra.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared extensions: one server per JVM each, side by side with dedicated ones, not stoppable. */
class SharedExtensionsIT {

    @RegisterExtension
    static final KafkaExtension kafka = KafkaExtension.shared();

    @RegisterExtension
    static final PostgresExtension postgres = PostgresExtension.shared();

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.shared();

    @RegisterExtension
    static final S3Extension s3 = S3Extension.shared();

    @Test
    void everySharedExtensionUsesTheOneServerOfThisJvm() {
        assertThat(KafkaExtension.shared().server()).isSameAs(kafka.server());
        assertThat(PostgresExtension.shared().server()).isSameAs(postgres.server());
        assertThat(RedisExtension.shared().server()).isSameAs(redis.server());
        assertThat(S3Extension.shared().server()).isSameAs(s3.server());
    }

    @Test
    void sharedServersAreRunningOnDistinctPorts() {
        assertThat(List.of(kafka.isRunning(), postgres.isRunning(), redis.isRunning(), s3.isRunning()))
                .containsOnly(true);
        assertThat(List.of(kafka.port(), postgres.port(), redis.port(), s3.endpoint().getPort()))
                .doesNotHaveDuplicates();
    }

    @Test
    void dedicatedServerRunsBesideTheSharedOne() {
        try (RedisServer dedicated = new EmbeddedRedisServer(RedisOptions.randomPort())) {
            dedicated.start();

            assertThat(dedicated.port()).isNotEqualTo(redis.port());
            assertThat(redis.isRunning()).isTrue();
        }
    }

    @Test
    void sharedServerCannotBeStoppedByATest() {
        assertThatThrownBy(kafka::stop).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("new KafkaExtension()");
        assertThatThrownBy(postgres::start).isInstanceOf(UnsupportedOperationException.class);
        assertThat(kafka.isShared()).isTrue();
    }
}
