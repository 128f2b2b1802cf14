package io.agentobs.cli.redrive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The counts of one redrive run that the reading side keeps, and the dry run's list of what it would send. */
final class RedriveTally {

    /** Dead letters a dry run lists in its result; all are counted. */
    static final int MAX_LISTED = 20;

    private static final String NO_ERROR_CLASS = "(none)";

    private final Map<String, Long> skippedReasons = new TreeMap<>();
    private final Map<String, Long> byErrorClass = new TreeMap<>();
    private final List<Map<String, Object>> listed = new ArrayList<>();
    private long scanned;
    private long matched;
    private long skipped;
    private long selected;

    void scanned() {
        scanned++;
    }

    /** A dead letter that passed the filter, whether it can be redriven or not. */
    void matched(RedriveRecord letter) {
        matched++;
        String errorClass = letter.errorClass();
        byErrorClass.merge(errorClass == null ? NO_ERROR_CLASS : errorClass, 1L, Long::sum);
    }

    void skipped(SkipReason reason) {
        skipped++;
        skippedReasons.merge(reason.key(), 1L, Long::sum);
    }

    /** A dead letter to redrive: sent by a real run, listed (the first {@link #MAX_LISTED}) by a dry run. */
    void selected(RedriveRecord letter) {
        selected++;
        if (listed.size() < MAX_LISTED) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dead_letter", letter.coordinates());
            entry.put("original", letter.originalCoordinates());
            entry.put("error_class", letter.errorClass());
            listed.add(entry);
        }
    }

    long scannedCount() {
        return scanned;
    }

    long matchedCount() {
        return matched;
    }

    long skippedCount() {
        return skipped;
    }

    long selectedCount() {
        return selected;
    }

    Map<String, Long> skippedReasons() {
        return skippedReasons;
    }

    Map<String, Long> byErrorClass() {
        return byErrorClass;
    }

    /** The first selected dead letters: where each is, where it came from, its error class. */
    List<Map<String, Object>> listed() {
        return listed;
    }
}
