package io.agentobs.metrics.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.agentobs.metrics.redis.RedisConnector;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * Reads window keys for the query API: one command per key, all sent before the first reply is awaited (pipelined),
 * on a connection of its own so queries never wait behind the consumer's script calls. Every Redis failure is thrown
 * as a {@link RedisException}.
 */
public final class WindowReader implements AutoCloseable {

    private final RedisConnector redis;
    private final Duration timeout;

    public WindowReader(RedisConnector redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    /** Each key's hash ({@code HGETALL}), in key order; a missing key reads as empty. */
    public List<Map<String, Long>> hashes(List<String> keys) {
        return await(keys, redis.async()::hgetall).stream().map(WindowReader::longs).toList();
    }

    /** The field-wise sum of the keys' hashes. */
    public Map<String, Long> sum(List<String> keys) {
        Map<String, Long> sum = new LinkedHashMap<>();
        hashes(keys).forEach(hash -> hash.forEach((field, n) -> sum.merge(field, n, Long::sum)));
        return sum;
    }

    /** Each key's sorted set as member → score ({@code ZRANGE 0 -1 WITHSCORES}), in key order. */
    public List<Map<String, Long>> sortedSets(List<String> keys) {
        RedisAsyncCommands<String, String> async = redis.async();
        return await(keys, key -> async.zrangeWithScores(key, 0, -1)).stream().map(values -> {
            Map<String, Long> scores = new LinkedHashMap<>();
            for (ScoredValue<String> value : values) {
                scores.put(value.getValue(), (long) value.getScore());
            }
            return scores;
        }).toList();
    }

    /** Each HyperLogLog's estimate ({@code PFCOUNT key}), in key order. */
    public List<Long> distinctCounts(List<String> keys) {
        RedisAsyncCommands<String, String> async = redis.async();
        return await(keys, key -> async.pfcount(key));
    }

    /** The estimate of the union of the HyperLogLogs ({@code PFCOUNT key…}, merged by Redis without writing). */
    public long distinctCount(List<String> keys) {
        RedisAsyncCommands<String, String> async = redis.async();
        return await(List.of(keys), batch -> async.pfcount(batch.toArray(String[]::new))).get(0);
    }

    private <K, T> List<T> await(List<K> keys, Function<K, RedisFuture<T>> command) {
        List<RedisFuture<T>> futures = new ArrayList<>(keys.size());
        keys.forEach(key -> futures.add(command.apply(key)));
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> results = new ArrayList<>(futures.size());
        try {
            for (RedisFuture<T> future : futures) {
                results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RedisException redisError ? redisError : new RedisException(e.getCause());
        } catch (TimeoutException e) {
            throw new RedisCommandTimeoutException("Redis did not answer " + keys.size() + " reads within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisException("interrupted while reading Redis", e);
        }
        return results;
    }

    private static Map<String, Long> longs(Map<String, String> hash) {
        Map<String, Long> values = new LinkedHashMap<>();
        hash.forEach((field, value) -> values.put(field, Long.parseLong(value)));
        return values;
    }

    @Override
    public void close() {
        redis.close();
    }
}
