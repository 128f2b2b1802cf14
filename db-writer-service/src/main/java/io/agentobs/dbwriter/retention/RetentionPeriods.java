package io.agentobs.dbwriter.retention;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.agentobs.dbwriter.table.EventTables;
import io.agentobs.events.Topic;

/**
 * How long each table keeps its rows: the topic's own retention (SPEC §2: 7, 30, 90 or 365 days) unless configured
 * otherwise. Overrides are keyed by topic or table name in any case and punctuation ({@code agent-actions},
 * {@code agent_actions}, and {@code agentactions} as an environment variable suffix all work).
 */
public final class RetentionPeriods {

    private final Map<Topic, Duration> periods;

    private RetentionPeriods(Map<Topic, Duration> periods) {
        this.periods = Collections.unmodifiableMap(periods);
    }

    /** The catalog's retention with these overrides; an unknown name or a non-positive period is refused. */
    public static RetentionPeriods of(Map<String, Duration> overrides) {
        Map<Topic, Duration> periods = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            periods.put(topic, topic.retention());
        }
        overrides.forEach((name, period) -> {
            Topic topic = byName(name);
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("agentobs.db-writer.retention.periods." + name
                        + " must be a positive duration, was " + period);
            }
            periods.put(topic, period);
        });
        return new RetentionPeriods(periods);
    }

    /** The period of each topic's table. */
    public Map<Topic, Duration> periods() {
        return periods;
    }

    private static Topic byName(String name) {
        String wanted = normalise(name);
        for (Topic topic : Topic.values()) {
            if (normalise(topic.topicName()).equals(wanted) || normalise(EventTables.tableName(topic)).equals(wanted)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("agentobs.db-writer.retention.periods." + name
                + " names no topic or table; use one of " + Arrays.stream(Topic.values())
                .map(Topic::topicName).collect(Collectors.joining(", ")));
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
