package io.agentobs.consumer.config;

import java.time.Duration;

/** Range check for duration settings whose message names the key and the allowed range. */
final class DurationRange {

    private DurationRange() {
    }

    static void check(String key, Duration value, Duration min, Duration max) {
        if (value == null) {
            return;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " = " + value.toMillis() + " ms is outside the allowed range "
                    + min.toMillis() + "–" + max.toMillis() + " ms");
        }
    }
}
