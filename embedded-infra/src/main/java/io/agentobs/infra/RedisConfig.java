package io.agentobs.infra;

/** Writing values into a redis.conf. */
final class RedisConfig {

    private RedisConfig() {
    }

    /** A double-quoted redis.conf argument: spaces kept, backslash and double quote escaped as Redis reads them. */
    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
