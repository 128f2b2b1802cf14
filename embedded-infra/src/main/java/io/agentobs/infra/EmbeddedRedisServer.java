package io.agentobs.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * {@link RedisServer} on codemonstur's embedded-redis: the redis-server binary bundled in that jar (6.2) runs as
 * a child process bound to the loopback addresses. It saves an RDB snapshot into its data directory when stopped
 * and loads it when started, so data survives {@link #stop()} / {@link #start()}.
 */
public final class EmbeddedRedisServer implements RedisServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);

    private final RedisOptions options;
    private final DataDirectory data;
    private final Optional<PidFile> pidFile;
    private Path binaryDirectory;
    private int port;
    private redis.embedded.RedisServer instance;
    private boolean running;
    private boolean closed;

    public EmbeddedRedisServer(RedisOptions options) {
        this.options = options;
        this.data = new DataDirectory(options.dataDirectory(), "agentobs-redis-data");
        this.pidFile = options.pidFile().map(PidFile::new);
        this.port = options.port();
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("Redis server was closed");
        }
        if (running) {
            return;
        }
        long startedAt = System.nanoTime();
        try {
            if (instance == null) {
                instance = create();
            }
            pidFile.ifPresent(file -> file.stopOrphan("redis-server", "TERM"));
            instance.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        }
        pidFile.ifPresent(file -> redisPidFile().serverPid().ifPresent(file::write));
        running = true;
        LOG.info("Redis listening on {} (started in {} ms, data in {})", uri(),
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), data.path());
    }

    private redis.embedded.RedisServer create() throws IOException {
        port = FreePorts.resolve(port);
        binaryDirectory = Files.createTempDirectory("agentobs-redis-bin");
        Path dataDirectory = data.path();
        return redis.embedded.RedisServer.newRedisServer()
                .executableProvider(ExecutableProvider.newJarResourceProvider(binaryDirectory.toFile()))
                .port(port)
                // IPv4 loopback always; IPv6 loopback when the machine has it ("-" makes it optional).
                .bind("127.0.0.1 -::1")
                .setting("dir " + dataDirectory)
                .setting("dbfilename dump.rdb")
                // Redis writes its pid here; copied with this JVM's pid into the options' pid file.
                .setting("pidfile " + dataDirectory.resolve("redis.pid"))
                .setting("appendonly no")
                // Redis' default save points, one per line (6.2 ignores several pairs on one line); with any
                // save point Redis also writes the snapshot when it is stopped.
                .setting("save 3600 1")
                .setting("save 300 100")
                .setting("save 60 10000")
                .soutListener(line -> LOG.debug("redis-server: {}", line))
                .serrListener(line -> LOG.warn("redis-server: {}", line))
                .build();
    }

    private PidFile redisPidFile() {
        return new PidFile(data.path().resolve("redis.pid"));
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        try {
            instance.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port + " did not stop", e);
        } finally {
            running = false;
            pidFile.ifPresent(PidFile::delete);
        }
        LOG.info("Redis on port {} stopped", port);
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        data.release();
        if (binaryDirectory != null) {
            DataDirectory.deleteRecursively(binaryDirectory);
        }
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("Redis server has not been started");
        }
        return port;
    }

    @Override
    public URI uri() {
        return URI.create("redis://" + host() + ":" + port());
    }

    @Override
    public String toString() {
        return "EmbeddedRedisServer[" + (port == 0 ? "not started" : "localhost:" + port) + "]";
    }
}
