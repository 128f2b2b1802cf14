package io.agentobs.cli.spool;

import java.util.Arrays;
import java.util.Objects;

/**
 * One event waiting in the spool: its topic, record key (may be null) and value bytes, exactly as they will be sent.
 *
 * <p>The value array is not copied; callers must not modify it after handing it over.
 */
public record SpooledEvent(String topic, String key, byte[] value) {

    public SpooledEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpooledEvent that
                && topic.equals(that.topic)
                && Objects.equals(key, that.key)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * topic.hashCode() + Objects.hashCode(key)) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "SpooledEvent[topic=" + topic + ", key=" + key + ", value=" + value.length + " bytes]";
    }
}
