package io.agentobs.metrics.aggregate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What one batch adds to one Redis key: hash increments, sorted-set increments or HyperLogLog members. */
public final class KeyDelta {

    /** The Redis type of the key and so the command that applies the delta. */
    public enum Kind {
        /** HINCRBY per field. */
        HASH("h"),
        /** ZINCRBY per member. */
        SORTED_SET("z"),
        /** PFADD of the members. */
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
    private final Map<String, Long> increments = new LinkedHashMap<>();
    private final Set<String> members = new LinkedHashSet<>();

    KeyDelta(Kind kind, long ttlSeconds) {
        this.kind = kind;
        this.ttlSeconds = ttlSeconds;
    }

    void increment(String field, long by) {
        increments.merge(field, by, Long::sum);
    }

    void add(String member) {
        members.add(member);
    }

    /** Adds another delta of the same key. */
    void addAll(KeyDelta other) {
        other.increments.forEach(this::increment);
        members.addAll(other.members);
    }

    public Kind kind() {
        return kind;
    }

    /** Seconds the key lives after this write; 0 = no expiry. */
    public long ttlSeconds() {
        return ttlSeconds;
    }

    /** Field (or sorted-set member) → increment, for {@link Kind#HASH} and {@link Kind#SORTED_SET}. */
    public Map<String, Long> increments() {
        return increments;
    }

    /** Members added, for {@link Kind#HYPER_LOG_LOG}. */
    public Set<String> members() {
        return members;
    }
}
