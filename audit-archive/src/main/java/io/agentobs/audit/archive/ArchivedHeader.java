package io.agentobs.audit.archive;

import java.util.Arrays;
import java.util.Objects;

/** One Kafka record header as archived: the name and the untouched value bytes ({@code null} when absent). */
public record ArchivedHeader(String key, byte[] value) {

    public ArchivedHeader {
        Objects.requireNonNull(key, "header key");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArchivedHeader that && key.equals(that.key) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "ArchivedHeader[key=" + key + ", value=" + (value == null ? "null" : value.length + " bytes") + "]";
    }
}
