package io.agentobs.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One topic's share of a drained backlog: its events, their bytes as NDJSON and the bytes of the archive objects
 * that hold them.
 *
 * @param topic        the topic
 * @param events       the backlog's events on it
 * @param ndjsonBytes  those events as NDJSON (each value and a newline)
 * @param archiveBytes the topic's new archive objects
 * @param objects      how many objects those are
 */
record TopicArchiveSize(String topic, long events, long ndjsonBytes, long archiveBytes, int objects) {

    /** The share of each of {@code topics}, in that order, from the backlog and the objects created for it. */
    static List<TopicArchiveSize> of(List<String> topics, Backlog backlog, ArchiveListing archive) {
        Map<String, long[]> sent = new HashMap<>();
        for (Backlog.Stored event : backlog.events()) {
            long[] totals = sent.computeIfAbsent(event.partition().topic(), t -> new long[2]);
            totals[0]++;
            totals[1] += event.valueBytes() + 1;
        }
        Map<String, long[]> stored = new HashMap<>();
        for (ArchiveListing.Listed listed : archive.objects()) {
            long[] totals = stored.computeIfAbsent(listed.info().topic(), t -> new long[2]);
            totals[0]++;
            totals[1] += listed.object().size();
        }
        List<TopicArchiveSize> sizes = new ArrayList<>(topics.size());
        for (String topic : topics) {
            long[] events = sent.getOrDefault(topic, new long[2]);
            long[] objects = stored.getOrDefault(topic, new long[2]);
            sizes.add(new TopicArchiveSize(topic, events[0], events[1], objects[1], (int) objects[0]));
        }
        return sizes;
    }

    /** Archive bytes over NDJSON bytes of the same events; NaN without events. */
    double ratio() {
        return events == 0 ? Double.NaN : archiveBytes / (double) ndjsonBytes;
    }

    String format() {
        return String.format(Locale.ROOT, "%-28s %,9d events, NDJSON %,12d bytes (%,6.0f per event), archive %,11d"
                        + " bytes in %3d objects: ratio %.3f", topic, events, ndjsonBytes,
                events == 0 ? 0.0 : ndjsonBytes / (double) events, archiveBytes, objects, ratio());
    }
}
