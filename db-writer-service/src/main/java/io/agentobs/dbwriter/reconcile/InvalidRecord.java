package io.agentobs.dbwriter.reconcile;

/**
 * A record in the window that is not a valid event: the db-writer sent it to the dead-letter topic, so it is not
 * expected in PostgreSQL.
 *
 * @param at where it is
 * @param reason why decoding rejected it, shortened
 */
public record InvalidRecord(Coordinates at, String reason) {
}
