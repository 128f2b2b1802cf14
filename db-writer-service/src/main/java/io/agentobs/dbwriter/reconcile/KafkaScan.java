package io.agentobs.dbwriter.reconcile;

import java.util.Map;
import java.util.UUID;

/**
 * What a scan of a topic found: each valid event in the window once, at the offset it was first read, and what did
 * not count.
 *
 * @param events event id → coordinates of its first record, for the events whose time is in the window
 * @param recordsScanned every record read, in the window or not
 * @param duplicates records of an event already read at another offset (normal after a producer retry)
 * @param invalid records that failed decoding, stamped within the window widened by the skew
 * @param bounds partition → the offsets it had and the range read
 */
public record KafkaScan(
        Map<UUID, Coordinates> events,
        long recordsScanned,
        long duplicates,
        Listed<InvalidRecord> invalid,
        Map<Integer, PartitionBounds> bounds) {
}
