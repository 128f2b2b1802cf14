package io.agentobs.cli.audit;

import io.agentobs.audit.archive.OffsetRange;
import io.agentobs.audit.archive.PartitionCoverage;
import io.agentobs.cli.TimeWindow;
import io.agentobs.cli.progress.ProgressText;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of one {@code audit verify} run, as text (a table per topic, a row per partition, then a verdict) or as
 * one JSON object.
 *
 * @param archive where the archive is, as {@link io.agentobs.cli.archive.ArchiveLocation#describe()} says
 * @param window the hours listed
 * @param topics what was found, in the order asked
 * @param elapsedMillis how long the run took
 */
record CoverageReport(String archive, TimeWindow window, List<TopicCoverage> topics, long elapsedMillis) {

    private static final List<String> COLUMNS = List.of("partition", "files", "first offset", "end offset",
            "records", "gaps [from, to) count", "overlaps [from, to) count");

    CoverageReport {
        topics = List.copyOf(topics);
    }

    boolean contiguous() {
        return topics.stream().allMatch(TopicCoverage::contiguous);
    }

    /** The tables and the verdict, for people. */
    String text() {
        StringBuilder text = new StringBuilder();
        text.append("audit archive ").append(archive).append(", files of ").append(describe(window)).append("\n");
        for (TopicCoverage topic : topics) {
            text.append('\n').append(topic.topic()).append(": ");
            if (topic.partitions().isEmpty()) {
                text.append("no archive files").append(vanished(topic)).append('\n');
                continue;
            }
            int partitions = topic.partitions().size();
            text.append(ProgressText.count(topic.files())).append(topic.files() == 1 ? " file, " : " files, ")
                    .append(ProgressText.count(topic.records())).append(" records in ").append(partitions)
                    .append(partitions == 1 ? " partition" : " partitions").append(vanished(topic)).append(": ")
                    .append(verdict(topic.gaps(), topic.missingOffsets(), topic.overlaps())).append('\n');
            text.append(table(topic).render("  "));
        }
        int gaps = topics.stream().mapToInt(TopicCoverage::gaps).sum();
        long missing = topics.stream().mapToLong(TopicCoverage::missingOffsets).sum();
        int overlaps = topics.stream().mapToInt(TopicCoverage::overlaps).sum();
        text.append('\n').append(contiguous() ? "OK: " : "NOT CONTIGUOUS: ").append(verdict(gaps, missing, overlaps))
                .append(" in ").append(topics.size()).append(topics.size() == 1 ? " topic" : " topics").append('\n');
        return text.toString();
    }

    /** One object: the verdict, totals, and per topic and partition the coverage with its gaps and overlaps. */
    Map<String, Object> json() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", contiguous());
        result.put("contiguous", contiguous());
        result.put("archive", archive);
        result.put("from", window.from() == null ? null : window.from().toString());
        result.put("to", window.to() == null ? null : window.to().toString());
        result.put("gaps", topics.stream().mapToLong(TopicCoverage::gaps).sum());
        result.put("missing_offsets", topics.stream().mapToLong(TopicCoverage::missingOffsets).sum());
        result.put("overlaps", topics.stream().mapToLong(TopicCoverage::overlaps).sum());
        List<Map<String, Object>> topicResults = new ArrayList<>();
        for (TopicCoverage topic : topics) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("topic", topic.topic());
            entry.put("contiguous", topic.contiguous());
            entry.put("files", (long) topic.files());
            entry.put("records", topic.records());
            entry.put("vanished_files", (long) topic.vanished());
            List<Map<String, Object>> partitions = new ArrayList<>();
            for (PartitionCoverage partition : topic.partitions()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("partition", partition.partition());
                row.put("files", partition.files());
                row.put("first_offset", partition.firstOffset());
                row.put("end_offset", partition.endOffset());
                row.put("records", partition.records());
                row.put("gaps", ranges(partition.gaps()));
                row.put("overlaps", ranges(partition.overlaps()));
                partitions.add(row);
            }
            entry.put("partitions", partitions);
            topicResults.add(entry);
        }
        result.put("topics", topicResults);
        result.put("elapsed_ms", elapsedMillis);
        return result;
    }

    private static TextTable table(TopicCoverage topic) {
        TextTable table = new TextTable(COLUMNS, true, true, true, true, true, false, false);
        for (PartitionCoverage partition : topic.partitions()) {
            List<OffsetRange> gaps = partition.gaps();
            List<OffsetRange> overlaps = partition.overlaps();
            int lines = Math.max(1, Math.max(gaps.size(), overlaps.size()));
            for (int line = 0; line < lines; line++) {
                boolean first = line == 0;
                table.row(List.of(
                        first ? Integer.toString(partition.partition()) : "",
                        first ? ProgressText.count(partition.files()) : "",
                        first ? Long.toString(partition.firstOffset()) : "",
                        first ? Long.toString(partition.endOffset()) : "",
                        first ? ProgressText.count(partition.records()) : "",
                        range(gaps, line),
                        range(overlaps, line)));
            }
        }
        return table;
    }

    /** The line-th range as {@code [from, to) count}; {@code -} for none at all, blank past the last. */
    private static String range(List<OffsetRange> ranges, int line) {
        if (ranges.isEmpty()) {
            return line == 0 ? "-" : "";
        }
        if (line >= ranges.size()) {
            return "";
        }
        OffsetRange range = ranges.get(line);
        return "[" + range.from() + ", " + range.to() + ") " + ProgressText.count(TopicCoverage.count(range));
    }

    private static List<Map<String, Object>> ranges(List<OffsetRange> ranges) {
        List<Map<String, Object>> list = new ArrayList<>(ranges.size());
        for (OffsetRange range : ranges) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("from", range.from());
            entry.put("to", range.to());
            entry.put("count", TopicCoverage.count(range));
            list.add(entry);
        }
        return list;
    }

    private static String verdict(int gaps, long missing, int overlaps) {
        if (gaps == 0 && overlaps == 0) {
            return "contiguous";
        }
        List<String> parts = new ArrayList<>();
        if (gaps > 0) {
            parts.add(gaps + (gaps == 1 ? " gap (" : " gaps (") + ProgressText.count(missing)
                    + (missing == 1 ? " offset missing)" : " offsets missing)"));
        }
        if (overlaps > 0) {
            parts.add(overlaps + (overlaps == 1 ? " overlap" : " overlaps"));
        }
        return String.join(", ", parts);
    }

    private static String vanished(TopicCoverage topic) {
        return topic.vanished() == 0 ? "" : " (" + topic.vanished() + " deleted while listed)";
    }

    /** The hours listed: by each file's first record, from the hour before --from (as the archive lists them). */
    private static String describe(TimeWindow window) {
        if (window.from() == null && window.to() == null) {
            return "all hours";
        }
        String from = window.from() == null ? "the first"
                : window.from().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS) + " (an hour before --from)";
        return "the hours from " + from + " to " + (window.to() == null ? "the last" : window.to() + " (--to)");
    }
}
