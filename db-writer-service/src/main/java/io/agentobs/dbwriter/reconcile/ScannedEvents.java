package io.agentobs.dbwriter.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agentobs.events.AgentEvent;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.codec.InvalidEventException;

/**
 * Sorts the records a scan reads: valid events in the window by id (the first offset kept, later ones counted as
 * duplicates), invalid records by coordinates, everything else only counted.
 *
 * <p>An invalid record has no event time to go by, so it counts when its Kafka timestamp is in the window widened by
 * the skew on both sides.
 */
final class ScannedEvents {

    private static final int MAX_REASON_LENGTH = 300;

    private final Topic topic;
    private final TimeRange range;
    private final long invalidFrom;
    private final long invalidTo;
    private final EventCodec codec;
    private final int maxListed;
    private final Map<UUID, Coordinates> events = new HashMap<>();
    private final List<InvalidRecord> invalidListed = new ArrayList<>();
    private long invalid;
    private long scanned;
    private long duplicates;

    ScannedEvents(Topic topic, TimeRange range, Duration skew, EventCodec codec, int maxListed) {
        this.topic = topic;
        this.range = range;
        this.invalidFrom = range.from().minus(skew).toEpochMilli();
        this.invalidTo = range.to().plus(skew).toEpochMilli();
        this.codec = codec;
        this.maxListed = maxListed;
    }

    /** Takes one record: its value, coordinates and Kafka timestamp (epoch milliseconds, -1 when it has none). */
    void accept(byte[] value, Coordinates at, long recordTimestamp) {
        scanned++;
        AgentEvent event;
        try {
            event = codec.decode(topic, value);
        } catch (InvalidEventException e) {
            if (recordTimestamp < 0 || (recordTimestamp >= invalidFrom && recordTimestamp < invalidTo)) {
                invalid++;
                if (invalidListed.size() < maxListed) {
                    invalidListed.add(new InvalidRecord(at, shorten(e.getMessage())));
                }
            }
            return;
        }
        Instant time = event.timestamp();
        if (range.contains(time) && events.putIfAbsent(event.eventId(), at) != null) {
            duplicates++;
        }
    }

    /** The scan's result, with the offsets it read. */
    KafkaScan result(Map<Integer, PartitionBounds> bounds) {
        List<InvalidRecord> listed = new ArrayList<>(invalidListed);
        listed.sort((a, b) -> Coordinates.ORDER.compare(a.at(), b.at()));
        return new KafkaScan(events, scanned, duplicates, new Listed<>(invalid, listed), bounds);
    }

    private static String shorten(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }
}
