package io.agentobs.bench;

import java.util.List;
import java.util.Locale;

/**
 * One backlog drained by audit-logger-service: the drain until every offset was committed, the objects it created
 * for the backlog, and the backlog's size as NDJSON to compare them with, in all and per topic.
 *
 * @param drain         the drain, clocked until the last commit
 * @param ndjsonBytes   the backlog's events as NDJSON (each value and a newline)
 * @param archive       the objects created for the backlog
 * @param readSeconds   from the clock's start until the service had read every event (its counter; ±0.25 s)
 * @param storedSeconds from the clock's start until every event was in an object (its counter; ±0.25 s)
 * @param topics        each topic's events and objects, printed when the traffic spans more than one topic
 */
record ArchivedDrain(DrainPhase<AuditMeters> drain, long ndjsonBytes, ArchiveListing archive, double readSeconds,
                     double storedSeconds, List<TopicArchiveSize> topics) {

    ArchivedDrain {
        topics = List.copyOf(topics);
    }

    /** Archive bytes over NDJSON bytes of the same events. */
    double sizeRatio() {
        return archive.bytes() / (double) ndjsonBytes;
    }

    String format() {
        DrainPhase<AuditMeters> d = drain;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s:%n  %,d events in %.2f s = %,.0f"
                        + " events/s; first offsets committed after %.2f s; all read by the service after %.2f s, all"
                        + " in S3 after %.2f s, all committed after %.2f s%n  archive: %s; NDJSON of the same events"
                        + " %,d bytes; ratio %.3f%n", d.name(), d.events(), d.totalSeconds(), d.perSecond(),
                (d.firstNanos() - d.startNanos()) / 1e9, readSeconds, storedSeconds, d.totalSeconds(),
                archive.format(), ndjsonBytes, sizeRatio()));
        if (topics.size() > 1) {
            out.append("  by topic:\n");
            topics.forEach(topic -> out.append("    ").append(topic.format()).append('\n'));
        }
        return out.append(String.format(Locale.ROOT, "  %s%n  CPU:%n%s", d.meters().format(),
                d.cpu().format("    "))).toString();
    }
}
