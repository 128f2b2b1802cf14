package io.agentobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import io.agentobs.infra.junit.RedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SET/GET through a dedicated Redis with Lettuce, an outage, a data directory with a space, a lost port race. */
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

    @Test
    void dataDirectoryWithASpaceHoldsTheSnapshot(@TempDir Path parent) {
        Path dataDirectory = parent.resolve("redis data");
        try (RedisServer spaced = new EmbeddedRedisServer(RedisOptions.randomPort().withDataDirectory(dataDirectory))) {
            spaced.start();
            RedisClient spacedClient = RedisClient.create(spaced.uri().toString());
            try {
                try (StatefulRedisConnection<String, String> connection = spacedClient.connect()) {
                    connection.sync().set("spaced", "kept");
                }
                spaced.stop();
                assertThat(dataDirectory.resolve("dump.rdb")).exists();

                spaced.start();
                try (StatefulRedisConnection<String, String> connection = spacedClient.connect()) {
                    assertThat(connection.sync().get("spaced")).isEqualTo("kept");
                }
            } finally {
                spacedClient.shutdown();
            }
        }
    }

    @Test
    void portTakenBeforeRedisBindsItIsReplacedByAFreeOne() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RedisServer late = new EmbeddedRedisServer(RedisOptions.randomPort(),
                     Ports.takenFirst(squatter.getLocalPort()))) {
            late.start();

            assertThat(late.port()).isNotEqualTo(squatter.getLocalPort());
            RedisClient lateClient = RedisClient.create(late.uri().toString());
            try (StatefulRedisConnection<String, String> connection = lateClient.connect()) {
                assertThat(connection.sync().ping()).isEqualTo("PONG");
            } finally {
                lateClient.shutdown();
            }
        }
    }

    private static StatefulRedisConnection<String, String> connect() {
        if (client == null) {
            client = RedisClient.create(redis.uri().toString());
        }
        return client.connect();
    }
}
