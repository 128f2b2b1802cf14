package io.agentobs.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * {@link RedisServer} on codemonstur's embedded-redis: the redis-server binary bundled in that jar (6.2) runs as
 * a child process bound to the loopback addresses. It saves an RDB snapshot into its data directory when stopped
 * and loads it when started, so data survives {@link #stop()} / {@link #start()}.
 */
public final class EmbeddedRedisServer extends AbstractInfraServer implements RedisServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);

    private final DataDirectory data;
    private final Optional<PidFile> pidFile;
    private final IntSupplier freePorts;
    private Path binaryDirectory;
    private redis.embedded.RedisServer instance;

    private static final int TEXT_FILE_BUSY_ATTEMPTS = 40;

    public EmbeddedRedisServer(RedisOptions options) {
        this(options, FreePorts::next);
    }

    /** With the ports a random-port start tries, for tests that make it lose the race for one. */
    EmbeddedRedisServer(RedisOptions options, IntSupplier freePorts) {
        super("Redis", options.port());
        this.data = new DataDirectory(options.dataDirectory(), "agentobs-redis-data");
        this.pidFile = options.pidFile().map(PidFile::new);
        this.freePorts = freePorts;
    }

    @Override
    void startServer() {
        if (instance == null) {
            assignPort(RandomPortStart.start(assignedPort(), freePorts, this::launch));
        } else {
            // Same instance, so same port and configuration as before the stop.
            startInstance(instance, port());
        }
        pidFile.ifPresent(file -> redisPidFile().serverPid().ifPresent(file::write));
    }

    private void launch(int port) {
        redis.embedded.RedisServer created;
        try {
            created = create(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration of Redis on port " + port, e);
        }
        startInstance(created, port);
        instance = created;
    }

    private void startInstance(redis.embedded.RedisServer server, int port) {
        // The title Redis gives its process ("redis-server 127.0.0.1:<port>") shows the port.
        pidFile.ifPresent(file -> file.stopOrphan("redis-server", List.of(Integer.toString(port)), "TERM"));
        for (int attempt = 1; ; attempt++) {
            try {
                server.start();
                return;
            } catch (IOException e) {
                if (!textFileBusy(e) || attempt == TEXT_FILE_BUSY_ATTEMPTS) {
                    throw new UncheckedIOException("Redis did not start on port " + port, e);
                }
                // The binary was just extracted, and a process forked meanwhile by another server's start (the
                // stack starts them in parallel) still holds its write descriptor until it execs: ETXTBSY, which
                // clears within milliseconds.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }

    private static boolean textFileBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Text file busy")) {
                return true;
            }
        }
        return false;
    }

    private redis.embedded.RedisServer create(int port) throws IOException {
        Path dataDirectory = data.path();
        return redis.embedded.RedisServer.newRedisServer()
                .executableProvider(ExecutableProvider.newJarResourceProvider(binaryDirectory().toFile()))
                .port(port)
                // IPv4 loopback always; IPv6 loopback when the machine has it ("-" makes it optional).
                .bind("127.0.0.1 -::1")
                // Settings go to a redis.conf, where a path with a space must be quoted.
                .setting("dir " + RedisConfig.quoted(dataDirectory.toString()))
                .setting("dbfilename dump.rdb")
                // Redis writes its pid here; copied with this JVM's pid into the options' pid file.
                .setting("pidfile " + RedisConfig.quoted(dataDirectory.resolve("redis.pid").toString()))
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

    private Path binaryDirectory() {
        if (binaryDirectory == null) {
            try {
                binaryDirectory = Files.createTempDirectory("agentobs-redis-bin");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for the redis-server binary", e);
            }
        }
        return binaryDirectory;
    }

    private PidFile redisPidFile() {
        return new PidFile(data.path().resolve("redis.pid"));
    }

    @Override
    void stopServer() {
        if (instance == null) {
            return;
        }
        try {
            instance.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port() + " did not stop", e);
        } finally {
            pidFile.ifPresent(PidFile::delete);
        }
    }

    @Override
    void releaseResources() {
        data.release();
        if (binaryDirectory != null) {
            DataDirectory.deleteRecursively(binaryDirectory);
        }
    }

    @Override
    String address() {
        return uri().toString();
    }

    @Override
    String startDetails() {
        return ", data in " + data.path();
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public URI uri() {
        return URI.create("redis://" + host() + ":" + port());
    }
}
