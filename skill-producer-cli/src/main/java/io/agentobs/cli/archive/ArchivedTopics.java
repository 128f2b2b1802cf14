package io.agentobs.cli.archive;

import io.agentobs.cli.UsageException;
import io.agentobs.events.Topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The catalog topics an archive command reads, from {@code --topic} values: names, repeated, or {@code all}. */
public final class ArchivedTopics {

    public static final String ALL = "all";

    private ArchivedTopics() {
    }

    /**
     * The topics named, in the order given and each once; {@code all} stands for the eight catalog topics.
     *
     * @throws UsageException when none is given or one is not a catalog topic
     */
    public static List<String> parse(List<String> values) throws UsageException {
        if (values == null || values.isEmpty()) {
            throw new UsageException("--topic is required: a topic of the catalog, repeated, or " + ALL);
        }
        Set<String> topics = new LinkedHashSet<>();
        for (String value : values) {
            if (ALL.equals(value.trim().toLowerCase(Locale.ROOT))) {
                Arrays.stream(Topic.values()).map(Topic::topicName).forEach(topics::add);
            } else {
                topics.add(one(value));
            }
        }
        return new ArrayList<>(topics);
    }

    /**
     * The catalog topic named by one {@code --topic} value.
     *
     * @throws UsageException when it is not a catalog topic
     */
    public static String one(String value) throws UsageException {
        String name = value.trim();
        return Topic.byName(name).map(Topic::topicName).orElseThrow(() -> new UsageException(
                "--topic must be a catalog topic (" + catalog() + "), got '" + value + "'"));
    }

    private static String catalog() {
        return Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.joining(", "));
    }
}
