package io.agentobs.dbwriter.reconcile;

import java.util.Comparator;

/**
 * Where a record is in the topic: partition and offset, written {@code partition@offset}.
 *
 * @param partition the Kafka partition
 * @param offset the record's offset in it
 */
public record Coordinates(int partition, long offset) {

    /** Partition first, then offset: the order reports list records in. */
    public static final Comparator<Coordinates> ORDER =
            Comparator.comparingInt(Coordinates::partition).thenComparingLong(Coordinates::offset);

    @Override
    public String toString() {
        return partition + "@" + offset;
    }
}
