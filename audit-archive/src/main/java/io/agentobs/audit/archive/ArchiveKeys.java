package io.agentobs.audit.archive;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object key layout of the archive:
 * {@code <prefix>topic=<topic>/dt=<yyyy-MM-dd>/hour=<HH>/<topic>+<partition>+<startOffset, 20 digits>.parquet},
 * with dt and hour the UTC hour of the file's first record timestamp. Keys sort by topic, then hour.
 */
public final class ArchiveKeys {

    /** Kafka's legal topic characters; none of them is '/' or '+', so a key splits back unambiguously. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern LAYOUT = Pattern.compile(
            "topic=([a-zA-Z0-9._-]+)/dt=(\\d{4})-(\\d{2})-(\\d{2})/hour=(\\d{2})/([a-zA-Z0-9._-]+)\\+(\\d{1,10})\\+(\\d{20})\\.parquet");

    private final String prefix;

    /** {@code prefix} ({@code S3_PREFIX}) is normalised to "" or a value ending in "/", leading slashes dropped. */
    public ArchiveKeys(String prefix) {
        this.prefix = normalise(prefix);
    }

    private static String normalise(String prefix) {
        if (prefix == null) {
            return "";
        }
        int start = 0;
        while (start < prefix.length() && prefix.charAt(start) == '/') {
            start++;
        }
        String trimmed = prefix.substring(start);
        if (trimmed.isEmpty() || trimmed.endsWith("/")) {
            return trimmed;
        }
        return trimmed + "/";
    }

    public String prefix() {
        return prefix;
    }

    /** The key of the file of {@code topic}-{@code partition} covering offsets from {@code startOffset} on. */
    public String key(String topic, int partition, long startOffset, long firstRecordTimestampMs) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative: " + partition);
        }
        if (startOffset < 0) {
            throw new IllegalArgumentException("startOffset must not be negative: " + startOffset);
        }
        return hourPrefix(topic, Instant.ofEpochMilli(firstRecordTimestampMs))
                + topic + '+' + partition + '+' + zeroPadded(startOffset) + ".parquet";
    }

    /** {@code <prefix>topic=<topic>/}: every object of that topic starts with it. */
    public String topicPrefix(String topic) {
        return prefix + "topic=" + checkTopic(topic) + '/';
    }

    /** {@code <prefix>topic=<topic>/dt=<yyyy-MM-dd>/hour=<HH>/} of the UTC hour {@code anyInstantInHour} lies in. */
    public String hourPrefix(String topic, Instant anyInstantInHour) {
        LocalDateTime hour = LocalDateTime.ofInstant(anyInstantInHour, ZoneOffset.UTC);
        StringBuilder builder = new StringBuilder(topicPrefix(topic)).append("dt=");
        appendPadded(builder, hour.getYear(), 4).append('-');
        appendPadded(builder, hour.getMonthValue(), 2).append('-');
        appendPadded(builder, hour.getDayOfMonth(), 2).append("/hour=");
        return appendPadded(builder, hour.getHour(), 2).append('/').toString();
    }

    /** The parts of a key of this layout under this prefix; empty for any other key. */
    public Optional<ArchiveKey> parse(String key) {
        if (key == null || !key.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher matcher = LAYOUT.matcher(key).region(prefix.length(), key.length());
        if (!matcher.matches() || !matcher.group(1).equals(matcher.group(6))) {
            return Optional.empty();
        }
        try {
            int partition = Integer.parseInt(matcher.group(7));
            long startOffset = Long.parseLong(matcher.group(8));
            LocalDate day = LocalDate.of(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
                    Integer.parseInt(matcher.group(4)));
            int hour = Integer.parseInt(matcher.group(5));
            if (hour > 23) {
                return Optional.empty();
            }
            Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC).plus(hour, ChronoUnit.HOURS);
            return Optional.of(new ArchiveKey(key, matcher.group(1), partition, startOffset, start));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String checkTopic(String topic) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("not a Kafka topic name: '" + topic + "'");
        }
        return topic;
    }

    private static String zeroPadded(long offset) {
        String digits = Long.toString(offset);
        return "0".repeat(20 - digits.length()) + digits;
    }

    private static StringBuilder appendPadded(StringBuilder builder, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            builder.append('0');
        }
        return builder.append(digits);
    }
}
