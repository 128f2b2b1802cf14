package io.agentobs.metrics.aggregate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjLongConsumer;

/**
 * What one batch adds to one Redis key: hash increments or sorted-set increments; or HyperLogLog members, which go to
 * several keys at once (an event's correlation id to its window of every resolution), so each is sent once.
 */
public final class KeyDelta {

    /** The Redis type of the key and so the command that applies the delta. */
    public enum Kind {
        /** HINCRBY per field. */
        HASH("h"),
        /** ZINCRBY per member. */
        SORTED_SET("z"),
        /** PFADD of the members, into each of the delta's keys. */
        HYPER_LOG_LOG("p");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The one-letter code the Lua script reads. */
        public String code() {
            return code;
        }
    }

    private final Kind kind;
    private final long ttlSeconds;
    /** Field → increment, held in a one-element array so adding to it allocates nothing. */
    private final Map<String, long[]> increments = new LinkedHashMap<>();
    private final Set<String> members = new LinkedHashSet<>();
    /** For {@link Kind#HYPER_LOG_LOG}: the keys the members go to, and each key's TTL. */
    private final List<String> keys;
    private final List<Long> keyTtls;

    KeyDelta(Kind kind, long ttlSeconds) {
        this(kind, ttlSeconds, List.of(), List.of());
    }

    private KeyDelta(Kind kind, long ttlSeconds, List<String> keys, List<Long> keyTtls) {
        this.kind = kind;
        this.ttlSeconds = ttlSeconds;
        this.keys = keys;
        this.keyTtls = keyTtls;
    }

    /** HyperLogLog members that go to each of {@code keys}, each living {@code ttls} (seconds, 0 = no expiry). */
    static KeyDelta hyperLogLogs(List<String> keys, List<Long> ttls) {
        return new KeyDelta(Kind.HYPER_LOG_LOG, 0, List.copyOf(keys), List.copyOf(ttls));
    }

    /** An empty delta of the same kind and keys. */
    KeyDelta emptyCopy() {
        return new KeyDelta(kind, ttlSeconds, keys, keyTtls);
    }

    void increment(String field, long by) {
        long[] value = increments.get(field);
        if (value == null) {
            increments.put(field, new long[] {by});
        } else {
            value[0] += by;
        }
    }

    void add(String member) {
        members.add(member);
    }

    /** Adds another delta of the same key. */
    void addAll(KeyDelta other) {
        other.increments.forEach((field, by) -> increment(field, by[0]));
        members.addAll(other.members);
    }

    public Kind kind() {
        return kind;
    }

    /** The keys of a {@link Kind#HYPER_LOG_LOG} delta; empty for the others, whose key names them. */
    public List<String> hyperLogLogKeys() {
        return keys;
    }

    /** The TTLs (seconds, 0 = no expiry) of {@link #hyperLogLogKeys()}, in the same order. */
    public List<Long> hyperLogLogTtls() {
        return keyTtls;
    }

    /** Redis keys the delta writes. */
    public int redisKeys() {
        return kind == Kind.HYPER_LOG_LOG ? keys.size() : 1;
    }

    /** Seconds the key lives after this write; 0 = no expiry. */
    public long ttlSeconds() {
        return ttlSeconds;
    }

    /** Field (or sorted-set member) → increment, for {@link Kind#HASH} and {@link Kind#SORTED_SET}: a copy. */
    public Map<String, Long> increments() {
        Map<String, Long> copy = new LinkedHashMap<>();
        increments.forEach((field, by) -> copy.put(field, by[0]));
        return copy;
    }

    /** Number of fields (or sorted-set members) incremented. */
    public int fieldCount() {
        return increments.size();
    }

    /** Each field (or sorted-set member) with its increment, in the order first incremented. */
    public void forEachIncrement(ObjLongConsumer<String> action) {
        increments.forEach((field, by) -> action.accept(field, by[0]));
    }

    /** Members added, for {@link Kind#HYPER_LOG_LOG}. */
    public Set<String> members() {
        return members;
    }
}
