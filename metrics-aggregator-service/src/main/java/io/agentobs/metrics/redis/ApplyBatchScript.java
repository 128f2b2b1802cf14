package io.agentobs.metrics.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.agentobs.events.Topic;
import io.agentobs.metrics.aggregate.KeyDelta;
import io.agentobs.metrics.aggregate.KeyLayout;
import io.agentobs.metrics.aggregate.PartitionDeltas;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The Lua script ({@code apply-batch.lua}) that applies a batch's deltas with each partition's next offset and
 * watermark in one atomic call, all or nothing: loaded once, called by {@code EVALSHA}, loaded again when Redis
 * answers NOSCRIPT (after a restart or {@code SCRIPT FLUSH}).
 */
public final class ApplyBatchScript {

    private static final String SOURCE = load();

    private final KeyLayout keys;
    private final String group;
    private final String fiveMinutePrefix;
    private final long seedTtlSeconds;
    private volatile String sha;

    /**
     * @param keys the key names
     * @param group the consumer group whose offsets the script checks and stores
     * @param fiveMinutePrefix prefix of the 5-minute window keys, for seed 001's routing count
     * @param seedTtlSeconds TTL of seed 001's key and of the newest routing time
     */
    public ApplyBatchScript(KeyLayout keys, String group, String fiveMinutePrefix, long seedTtlSeconds) {
        this.keys = keys;
        this.group = group;
        this.fiveMinutePrefix = fiveMinutePrefix;
        this.seedTtlSeconds = seedTtlSeconds;
    }

    /**
     * Applies the deltas with every partition's next offset and watermark if Redis holds each partition's first
     * offset and watermark before (or nothing for it); otherwise writes nothing and returns the partitions that
     * failed the check.
     *
     * @param keys the partitions' deltas added up per key ({@link PartitionDeltas#mergedKeys})
     * @throws io.lettuce.core.RedisException whatever Redis answered; the batch is then retried as a whole
     */
    public List<BatchConflict> apply(RedisCommands<String, String> redis, String clusterId,
                                     List<PartitionDeltas> partitions, Map<String, KeyDelta> keys) {
        String[] keyNames = {this.keys.offsets(group), this.keys.watermarks(group), this.keys.newestRouting(),
            KeyLayout.SEED_ROUTING_COUNT};
        String[] args = arguments(clusterId, partitions, keys);
        List<Object> result;
        String current = sha;
        if (current == null) {
            current = redis.scriptLoad(SOURCE);
            sha = current;
        }
        try {
            result = redis.evalsha(current, ScriptOutputType.MULTI, keyNames, args);
        } catch (RedisNoScriptException e) {
            sha = redis.scriptLoad(SOURCE);
            result = redis.evalsha(sha, ScriptOutputType.MULTI, keyNames, args);
        }
        List<BatchConflict> conflicts = new ArrayList<>();
        Iterator<Object> values = result.iterator();
        while (values.hasNext()) {
            conflicts.add(new BatchConflict(Integer.parseInt(text(values.next())), text(values.next()), text(values.next())));
        }
        return conflicts;
    }

    String[] arguments(String clusterId, List<PartitionDeltas> partitions, Map<String, KeyDelta> keys) {
        List<String> args = new ArrayList<>();
        args.add(fiveMinutePrefix);
        args.add(':' + KeyLayout.EVENTS);
        args.add(Topic.AGENT_ROUTING_DECISIONS.topicName());
        args.add(Long.toString(seedTtlSeconds));
        args.add(Integer.toString(partitions.size()));
        for (PartitionDeltas p : partitions) {
            args.add(KeyLayout.partitionField(clusterId, p.partition().topic(), p.partition().partition()));
            args.add(Long.toString(p.firstOffset()));
            args.add(Long.toString(p.nextOffset()));
            args.add(p.watermarkBefore() == null ? "" : p.watermarkBefore().toString());
            args.add(p.watermarkAfter() == null ? "" : p.watermarkAfter().toString());
            args.add(p.newestRouting() == null ? "" : p.newestRouting().toString());
        }
        args.add(Integer.toString(keys.size()));
        keys.forEach((key, delta) -> addKey(args, key, delta));
        return args.toArray(String[]::new);
    }

    /** Adds one delta's entry. */
    private static void addKey(List<String> args, String key, KeyDelta delta) {
        args.add(delta.kind().code());
        if (delta.kind() == KeyDelta.Kind.HYPER_LOG_LOG) {
            List<String> keys = delta.hyperLogLogKeys();
            args.add(Integer.toString(keys.size()));
            for (int i = 0; i < keys.size(); i++) {
                args.add(keys.get(i));
                args.add(Long.toString(delta.hyperLogLogTtls().get(i)));
            }
            args.add(Integer.toString(delta.members().size()));
            args.addAll(delta.members());
            return;
        }
        args.add(key);
        args.add(Long.toString(delta.ttlSeconds()));
        args.add(Integer.toString(delta.fieldCount()));
        delta.forEachIncrement((field, by) -> {
            args.add(field);
            args.add(Long.toString(by));
        });
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? "" : value.toString();
    }

    private static String load() {
        try (InputStream in = ApplyBatchScript.class.getResourceAsStream("apply-batch.lua")) {
            if (in == null) {
                throw new IllegalStateException("apply-batch.lua missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
