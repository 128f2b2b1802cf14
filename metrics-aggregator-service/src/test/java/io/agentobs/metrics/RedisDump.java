package io.agentobs.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** Reads one Redis database for tests: single values, and a dump of every key's content (TTLs left out). */
final class RedisDump implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisDump(String host, int port, int database) {
        client = RedisClient.create(RedisURI.builder().withHost(host).withPort(port).withDatabase(database).build());
        connection = client.connect();
    }

    RedisCommands<String, String> redis() {
        return connection.sync();
    }

    /** Every key → its content: hashes as sorted maps, sorted sets as member → score, HyperLogLogs by PFCOUNT. */
    Map<String, String> dump() {
        RedisCommands<String, String> redis = redis();
        Map<String, String> dump = new TreeMap<>();
        for (String key : keys()) {
            String type = redis.type(key);
            String content;
            switch (type) {
                case "hash" -> content = new TreeMap<>(redis.hgetall(key)).toString();
                case "zset" -> {
                    Map<String, Double> members = new TreeMap<>();
                    for (ScoredValue<String> value : redis.zrangeWithScores(key, 0, -1)) {
                        members.put(value.getValue(), value.getScore());
                    }
                    content = members.toString();
                }
                case "string" -> {
                    String value = redis.get(key);
                    content = value != null && value.startsWith("HYLL") ? "hll:" + redis.pfcount(key) : value;
                }
                default -> content = type;
            }
            dump.put(key, content);
        }
        return dump;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis().scan(cursor, ScanArgs.Builder.limit(1000));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    /** Sum of the next offsets stored for a group: how many records it has applied from offset 0. */
    long appliedRecords(String group) {
        return redis().hvals("agentobs:offsets:" + group).stream().mapToLong(Long::parseLong).sum();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
