package io.agentobs.metrics.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * One Lettuce connection shared by the consumer threads, opened on first use so the service starts while Redis is
 * down. Lettuce reconnects by itself after an outage; while disconnected, commands fail at once rather than queue,
 * so a batch fails fast and is retried with the consumer's backoff.
 */
public final class RedisConnector implements AutoCloseable {

    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    public RedisConnector(RedisURI uri, Duration timeout) {
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    /** The RedisURI from a {@code redis://} URL when given, else from host, port, password and database. */
    public static RedisURI uri(String url, String host, int port, String password, int database, Duration timeout) {
        RedisURI uri;
        if (url != null && !url.isBlank()) {
            uri = RedisURI.create(url);
        } else {
            RedisURI.Builder builder = RedisURI.builder().withHost(host).withPort(port).withDatabase(database);
            if (password != null && !password.isEmpty()) {
                builder.withPassword(password.toCharArray());
            }
            uri = builder.build();
        }
        uri.setTimeout(timeout);
        return uri;
    }

    /** The synchronous commands of the shared connection; connects first if needed (throws if Redis is down). */
    public RedisCommands<String, String> commands() {
        return connection().sync();
    }

    /** The asynchronous commands of the same connection, for pipelined reads; connects first if needed. */
    public RedisAsyncCommands<String, String> async() {
        return connection().async();
    }

    private synchronized StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            connection = client.connect();
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }
}
