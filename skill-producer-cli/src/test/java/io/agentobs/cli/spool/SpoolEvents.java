package io.agentobs.cli.spool;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/** Builds events for spool tests. */
final class SpoolEvents {

    private SpoolEvents() {
    }

    static SpooledEvent event(String topic, String key, String value) {
        return new SpooledEvent(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Events {@code from} (inclusive) to {@code to} (exclusive), each value naming its number. */
    static List<SpooledEvent> numbered(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> event("agent-actions", "key-" + i, "event-" + i)).toList();
    }

    static String valueOf(SpooledEvent event) {
        return new String(event.value(), StandardCharsets.UTF_8);
    }
}
