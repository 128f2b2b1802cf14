package io.agentobs.infra;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run an embedded Redis server. Redis saves an RDB snapshot to the data directory on stop and loads it
 * on start, so data survives {@code stop()} / {@code start()}.
 *
 * @param port           port, or 0 for a free one chosen at first start
 * @param dataDirectory  directory for the snapshot kept across runs, or empty for a temporary one
 * @param pidFile        where Redis records its pid so a later start can stop one orphaned by a killed JVM
 */
public record RedisOptions(int port, Optional<Path> dataDirectory, Optional<Path> pidFile) {

    public RedisOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (random) or 1-65535, was " + port);
        }
    }

    /** For tests: a free port, a temporary data directory, no pid file. */
    public static RedisOptions randomPort() {
        return new RedisOptions(0, Optional.empty(), Optional.empty());
    }

    /** For the local stack: the given port and a pid file {@code <java.io.tmpdir>/agentobs-infra/redis-<port>.pid}. */
    public static RedisOptions fixedPort(int port) {
        return randomPort().withPort(port).withPidFile(PidFile.defaultPath("redis", port));
    }

    public RedisOptions withPort(int newPort) {
        return new RedisOptions(newPort, dataDirectory, pidFile);
    }

    public RedisOptions withDataDirectory(Path directory) {
        return new RedisOptions(port, Optional.of(directory), pidFile);
    }

    public RedisOptions withPidFile(Path file) {
        return new RedisOptions(port, dataDirectory, Optional.of(file));
    }
}
