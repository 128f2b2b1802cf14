package io.agentobs.dbwriter.write;

/**
 * What one table's part of a batch came to.
 *
 * @param table the table
 * @param inserted rows inserted
 * @param conflicts rows skipped because their event_id was already stored
 */
record Written(String table, long inserted, long conflicts) {

    Written plus(Written other) {
        return new Written(table, inserted + other.inserted, conflicts + other.conflicts);
    }
}
