package io.agentobs.dbwriter.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares what a Kafka scan found with the rows PostgreSQL holds for the same window, and says where the offsets
 * explain a difference.
 *
 * <p>A row whose stored offset lies at or past the end of the scanned range, and whose event the scan did not find,
 * is left out of the comparison and only counted: its record was not read (it arrived after the scan started, or lies
 * beyond a bounded scan), so it proves nothing either way.
 */
public final class Reconciler {

    private final int maxListed;

    /** @param maxListed how many events to list per side */
    public Reconciler(int maxListed) {
        this.maxListed = maxListed;
    }

    /**
     * The report for one topic and window.
     *
     * @param scan what Kafka holds
     * @param rows event id → stored coordinates of the table's rows in the window
     * @param writerPositions partition → next offset the db-writer group will write, where stored
     */
    public ReconcileReport compare(String topic, String table, TimeRange range, Duration skew, String writerGroup,
            KafkaScan scan, Map<UUID, Coordinates> rows, Map<Integer, Long> writerPositions) {
        long inBoth = 0;
        long beyondScan = 0;
        List<MissingEvent> missingInKafka = new ArrayList<>();
        for (Map.Entry<UUID, Coordinates> row : rows.entrySet()) {
            if (scan.events().containsKey(row.getKey())) {
                inBoth++;
                continue;
            }
            Coordinates at = row.getValue();
            PartitionBounds bounds = scan.bounds().get(at.partition());
            if (bounds != null && at.offset() >= bounds.scanEnd()) {
                beyondScan++;
            } else {
                missingInKafka.add(new MissingEvent(row.getKey(), at, rowHint(bounds, at)));
            }
        }
        List<MissingEvent> missingInPostgres = new ArrayList<>();
        scan.events().forEach((eventId, at) -> {
            if (!rows.containsKey(eventId)) {
                Long position = writerPositions.get(at.partition());
                boolean pending = position != null && at.offset() >= position;
                missingInPostgres.add(new MissingEvent(eventId, at, pending ? MissingEvent.CONSUMER_LAG : null));
            }
        });
        missingInKafka.sort(MissingEvent.ORDER);
        missingInPostgres.sort(MissingEvent.ORDER);
        return new ReconcileReport(topic, table, range, skew, writerGroup, scan.recordsScanned(), scan.events().size(),
                scan.duplicates(), scan.invalid(), rows.size(), beyondScan, inBoth,
                Listed.firstOf(missingInPostgres, maxListed), Listed.firstOf(missingInKafka, maxListed));
    }

    private static String rowHint(PartitionBounds bounds, Coordinates at) {
        if (bounds == null) {
            return MissingEvent.UNKNOWN_PARTITION;
        }
        if (at.offset() < bounds.logStart()) {
            return MissingEvent.EXPIRED_BY_RETENTION;
        }
        if (at.offset() < bounds.scanStart()) {
            return MissingEvent.BEFORE_SCAN_START;
        }
        return null;
    }
}
