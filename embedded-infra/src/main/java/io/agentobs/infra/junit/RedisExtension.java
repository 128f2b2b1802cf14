package io.agentobs.infra.junit;

import java.net.URI;

import io.agentobs.infra.EmbeddedRedisServer;
import io.agentobs.infra.RedisOptions;
import io.agentobs.infra.RedisServer;

/** JUnit 5 extension running an embedded Redis on a free port; see {@link ServerExtension}. */
public final class RedisExtension extends ServerExtension<RedisServer> {

    private static final SharedServer<RedisServer> SHARED =
            new SharedServer<>(() -> new EmbeddedRedisServer(RedisOptions.randomPort()));

    /** A dedicated server for this test class, with {@link RedisOptions#randomPort()}. */
    public RedisExtension() {
        this(RedisOptions.randomPort());
    }

    /** A dedicated server for this test class. */
    public RedisExtension(RedisOptions options) {
        super(() -> new EmbeddedRedisServer(options));
    }

    private RedisExtension(SharedServer<RedisServer> shared) {
        super(shared);
    }

    /** The server shared by all test classes of this JVM that ask for it. */
    public static RedisExtension shared() {
        return new RedisExtension(SHARED);
    }

    public String host() {
        return server().host();
    }

    public int port() {
        return server().port();
    }

    public URI uri() {
        return server().uri();
    }
}
