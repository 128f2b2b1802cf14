package io.agentobs.infra;

import java.net.URI;

/** A Redis server without authentication. */
public interface RedisServer extends InfraServer {

    /** Always {@code localhost}. */
    String host();

    /** The port; fixed for the server's lifetime, also across stop/start. */
    int port();

    /** {@code redis://localhost:<port>}, as Lettuce and Spring Data Redis accept it. */
    URI uri();
}
