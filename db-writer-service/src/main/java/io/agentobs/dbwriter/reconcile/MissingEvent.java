package io.agentobs.dbwriter.reconcile;

import java.util.Comparator;
import java.util.UUID;

/**
 * An event found on one side only, where it is (the Kafka record, or the coordinates the row stored), and a hint at
 * the likely cause when the offsets tell one.
 *
 * @param eventId the event's {@code event_id}
 * @param at the record's coordinates, or those the PostgreSQL row stored
 * @param hint one of the hint constants, or null when the offsets explain nothing
 */
public record MissingEvent(UUID eventId, Coordinates at, String hint) {

    /** In Kafka, at or past the db-writer group's stored position: not written yet rather than lost. */
    public static final String CONSUMER_LAG = "consumer_lag";
    /** In PostgreSQL, stored offset below the partition's first offset: the record was deleted by retention. */
    public static final String EXPIRED_BY_RETENTION = "expired_by_retention";
    /** In PostgreSQL, stored offset still in Kafka but before the scanned range: a larger --skew reads it. */
    public static final String BEFORE_SCAN_START = "before_scan_start";
    /** In PostgreSQL, stored partition that the topic does not have. */
    public static final String UNKNOWN_PARTITION = "unknown_partition";

    /** By coordinates, then event id. */
    public static final Comparator<MissingEvent> ORDER =
            Comparator.comparing(MissingEvent::at, Coordinates.ORDER).thenComparing(MissingEvent::eventId);
}
