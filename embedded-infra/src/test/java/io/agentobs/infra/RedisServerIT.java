package io.agentobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentobs.infra.junit.RedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SET/GET through a dedicated Redis with Lettuce, and an outage. */
class RedisServerIT {

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    private static RedisClient client;

    @AfterAll
    static void shutdownClient() {
        if (client != null) {
            client.shutdown();
        }
    }

    @Test
    void valueSetIsGot() {
        try (StatefulRedisConnection<String, String> connection = connect()) {
            connection.sync().set("round-trip", "hello");

            assertThat(connection.sync().get("round-trip")).isEqualTo("hello");
        }
    }

    @Test
    void serverRestartsOnTheSamePortWithItsData() {
        try (StatefulRedisConnection<String, String> connection = connect()) {
            connection.sync().set("outage", "kept");
        }
        int port = redis.port();

        redis.stop();
        assertThat(redis.isRunning()).isFalse();
        assertThat(Ports.isOpen(port)).isFalse();

        redis.start();
        assertThat(redis.port()).isEqualTo(port);
        try (StatefulRedisConnection<String, String> connection = connect()) {
            assertThat(connection.sync().get("outage")).isEqualTo("kept");
        }
    }

    private static StatefulRedisConnection<String, String> connect() {
        if (client == null) {
            client = RedisClient.create(redis.uri().toString());
        }
        return client.connect();
    }
}
