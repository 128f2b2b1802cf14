package io.agentobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.agentobs.infra.EmbeddedRedisServer;
import io.agentobs.infra.RedisOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import org.apache.kafka.common.TopicPartition;

/**
 * The metrics benchmark's Redis: an embedded server (its own process), the benchmark's connection to it, and what
 * the benchmark reads there: a group's stored offsets and the events counted into the 1-hour windows.
 */
final class BenchRedis implements AutoCloseable {

    private final EmbeddedRedisServer server;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final long pid;

    private BenchRedis(EmbeddedRedisServer server) {
        this.server = server;
        this.client = RedisClient.create(server.uri().toString());
        this.connection = client.connect();
        this.pid = serverPid(server.port());
    }

    /**
     * Starts an embedded Redis on a free port with a temporary data directory; each system property
     * {@code agentobs.bench.redis.config.<name>=<value>} is applied with {@code CONFIG SET <name> <value>}.
     */
    static BenchRedis start() {
        EmbeddedRedisServer server = new EmbeddedRedisServer(RedisOptions.randomPort());
        server.start();
        BenchRedis redis = new BenchRedis(server);
        String prefix = "agentobs.bench.redis.config.";
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(prefix)).sorted()
                .forEach(name -> redis.commands().configSet(name.substring(prefix.length()), System.getProperty(name)));
        return redis;
    }

    String host() {
        return server.host();
    }

    int port() {
        return server.port();
    }

    /** The redis-server process, for its CPU. */
    long pid() {
        return pid;
    }

    RedisCommands<String, String> commands() {
        return connection.sync();
    }

    /** The next offsets the Lua script stored for a group, by topic partition ({@code <prefix>offsets:<group>}). */
    Map<TopicPartition, Long> offsets(String prefix, String group) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        commands().hgetall(prefix + "offsets:" + group).forEach((field, offset) -> {
            // <clusterId>:<topic>:<partition>; neither a cluster id nor a topic name holds a colon
            String[] parts = field.split(":");
            offsets.put(new TopicPartition(parts[1], Integer.parseInt(parts[2])), Long.parseLong(offset));
        });
        return offsets;
    }

    /** Every event counted in Redis: the per-topic counts of all 1-hour windows, and the late counter. */
    Totals totals(String prefix) {
        long windows = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        ScanArgs pattern = ScanArgs.Builder.matches(prefix + "1h:*:events").limit(1000);
        do {
            KeyScanCursor<String> page = commands().scan(cursor, pattern);
            for (String key : page.getKeys()) {
                windows += sum(commands().hvals(key));
            }
            cursor = page;
        } while (!cursor.isFinished());
        return new Totals(windows, sum(commands().hvals(prefix + "late")));
    }

    private static long sum(Iterable<String> values) {
        long total = 0;
        for (String value : values) {
            total += Long.parseLong(value);
        }
        return total;
    }

    /** The process titled {@code redis-server <address>:<port>}. */
    private static long serverPid(int port) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("[0-9]+"))
                    .filter(p -> title(p).contains("redis-server") && title(p).contains(":" + port))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no redis-server process on port " + port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
    }

    private static String title(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
        server.close();
    }

    /**
     * Events counted in Redis.
     *
     * @param inWindows the sum of every 1-hour window's per-topic counts: events counted into their windows
     * @param late      events beyond the grace period, counted only in the late counter
     */
    record Totals(long inWindows, long late) {

        long all() {
            return inWindows + late;
        }
    }
}
