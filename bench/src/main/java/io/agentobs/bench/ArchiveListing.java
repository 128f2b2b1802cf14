package io.agentobs.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.agentobs.audit.archive.ArchiveFileInfo;
import io.agentobs.audit.archive.ArchiveObject;
import io.agentobs.audit.archive.S3Archive;

import org.apache.kafka.common.TopicPartition;

/**
 * Archive objects of some topics as the bucket lists them (ListObjectsV2), with the topic partition, record count and
 * offset range each one's Parquet footer states.
 *
 * @param objects the objects and their footers
 */
record ArchiveListing(List<Listed> objects) {

    /** One object: its key and size, and its footer. */
    record Listed(ArchiveObject object, ArchiveFileInfo info) {
    }

    ArchiveListing {
        objects = List.copyOf(objects);
    }

    /** The topics' objects whose keys are not in {@code skip}, each with its footer read by ranged GETs. */
    static ArchiveListing of(S3Archive archive, List<String> topics, Collection<String> skip) throws IOException {
        List<Listed> listed = new ArrayList<>();
        for (String topic : topics) {
            for (ArchiveObject object : archive.list(topic, null, null)) {
                if (!skip.contains(object.key())) {
                    listed.add(new Listed(object, archive.readInfo(object).orElseThrow(
                            () -> new IllegalStateException("listed object " + object.key() + " has gone"))));
                }
            }
        }
        return new ArchiveListing(listed);
    }

    List<String> keys() {
        return objects.stream().map(listed -> listed.object().key()).toList();
    }

    long bytes() {
        return objects.stream().mapToLong(listed -> listed.object().size()).sum();
    }

    long records() {
        return objects.stream().mapToLong(listed -> listed.info().recordCount()).sum();
    }

    /**
     * Throws unless these objects hold exactly the backlog: as many records, and every event's offset inside an
     * object of its topic partition.
     */
    void requireExactly(Backlog backlog) {
        if (records() != backlog.size()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%d archive objects hold %,d records by their"
                    + " footers; the backlog has %,d events", objects.size(), records(), backlog.size()));
        }
        Map<TopicPartition, TreeMap<Long, Long>> ranges = new HashMap<>();
        for (Listed listed : objects) {
            ranges.computeIfAbsent(new TopicPartition(listed.info().topic(), listed.info().partition()),
                    p -> new TreeMap<>()).put(listed.info().startOffset(), listed.info().endOffset());
        }
        for (Backlog.Stored event : backlog.events()) {
            Map.Entry<Long, Long> range = ranges.getOrDefault(event.partition(), new TreeMap<>())
                    .floorEntry(event.offset());
            if (range == null || event.offset() >= range.getValue()) {
                throw new IllegalStateException("no archive object holds offset " + event.offset() + " of partition "
                        + event.partition());
            }
        }
    }

    String format() {
        return String.format(Locale.ROOT, "%d objects, %,d bytes, %,d records by their footers (mean %,.0f records,"
                + " %,.0f bytes per object)", objects.size(), bytes(), records(),
                objects.isEmpty() ? 0.0 : records() / (double) objects.size(),
                objects.isEmpty() ? 0.0 : bytes() / (double) objects.size());
    }
}
