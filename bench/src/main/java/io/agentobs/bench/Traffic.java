package io.agentobs.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.agentobs.events.Topic;

/** The events an audit benchmark archives, chosen with {@code -Dagentobs.bench.traffic} (default {@code actions}). */
enum Traffic {

    /** The bench's synthetic agent actions: 307 bytes each, with fixed field values and fresh random ids. */
    ACTIONS(List.of(Topic.AGENT_ACTIONS)),
    /** Whole traces of {@code agentobs simulate}'s traffic generator ({@link SimulatedTraffic}), over every topic. */
    SIMULATE(List.of(Topic.values()));

    static final String PROPERTY = "agentobs.bench.traffic";

    private final List<Topic> topics;

    Traffic(List<Topic> topics) {
        this.topics = topics;
    }

    /** The traffic {@code -Dagentobs.bench.traffic} names, {@link #ACTIONS} when it is not set. */
    static Traffic fromSystemProperty() {
        return parse(System.getProperty(PROPERTY, ACTIONS.wireName()));
    }

    /** The traffic of that name ({@code actions}, {@code simulate}). */
    static Traffic parse(String name) {
        return Arrays.stream(values()).filter(traffic -> traffic.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("-D" + PROPERTY + "=" + name + ": expected one of "
                        + Arrays.stream(values()).map(Traffic::wireName).collect(Collectors.joining(", "))));
    }

    /** The name the option takes. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The topics its events go to, each created with the catalog's partition count. */
    List<Topic> topics() {
        return topics;
    }

    List<String> topicNames() {
        return topics.stream().map(Topic::topicName).toList();
    }

    /**
     * The label filter that picks the service's per-topic meters of this traffic: its one topic, or every series
     * (empty) when it spans several.
     */
    String topicLabel() {
        return topics.size() == 1 ? "topic=\"" + topics.get(0).topicName() + "\"" : "";
    }
}
