package io.agentobs.metrics;

/**
 * The Redis database of each integration test that shares the JVM-wide Redis server ({@code RedisExtension.shared()}),
 * in one place so that no two of them write into the same keys (their {@code late} counters and offsets would mix).
 */
final class RedisDatabases {

    static final int AGGREGATION = 1;
    static final int LATE_EVENTS = 4;
    static final int CONFLICTS_SHARED = 6;
    static final int CONFLICTS_REFERENCE = 7;
    static final int QUERY_API = 8;

    private RedisDatabases() {
    }
}
