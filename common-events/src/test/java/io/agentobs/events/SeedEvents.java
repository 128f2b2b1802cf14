package io.agentobs.events;

import io.agentobs.events.codec.EventJson;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The example events of seed 001 (and seed 000 for agent-actions), with their placeholders filled in, as test
 * fixtures; plus edits by field path for building invalid variants.
 */
public final class SeedEvents {

    /** Seed 000's agent-actions example, with the {@code event_id} SPEC §2 requires added. */
    public static final String AGENT_ACTIONS_SEED_000 = "agent-actions-seed000";

    /** Reads replacement values with floats kept as written, so {@code 1e400} is not turned into Infinity. */
    private static final ObjectReader EXACT = EventJson.mapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private SeedEvents() {
    }

    /** The seed 001 example of {@code topic}, as bytes exactly as stored. */
    public static byte[] bytes(Topic topic) {
        return bytes(topic.topicName());
    }

    /** A stored example by file name (without {@code .json}). */
    public static byte[] bytes(String name) {
        try (InputStream in = SeedEvents.class.getResourceAsStream("/seed-events/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no seed event " + name);
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The seed 001 example of {@code topic} as a fresh, mutable tree. */
    public static ObjectNode tree(Topic topic) {
        return (ObjectNode) EventJson.mapper().readTree(bytes(topic));
    }

    /**
     * The seed example of {@code topic} with the value at {@code path} ({@code alternatives[1].confidence_score})
     * replaced by (or, for a new property name, extended with) the JSON text {@code json}, or removed when
     * {@code json} is null; as UTF-8 bytes. Numbers keep the digits written ({@code 1e400} stays {@code 1E+400}).
     */
    public static byte[] withChange(Topic topic, String path, String json) {
        ObjectNode root = tree(topic);
        List<Object> steps = steps(path);
        JsonNode container = root;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            container = step instanceof Integer index ? container.get(index) : container.get((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (container instanceof ObjectNode object) {
            if (json == null) {
                object.remove((String) last);
            } else {
                object.set((String) last, EXACT.readTree(json));
            }
        } else {
            ArrayNode array = (ArrayNode) container;
            if (json == null) {
                array.remove((Integer) last);
            } else {
                array.set((Integer) last, EXACT.readTree(json));
            }
        }
        return EventJson.mapper().writeValueAsBytes(root);
    }

    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            steps.add(bracket < 0 ? segment : segment.substring(0, bracket));
            while (bracket >= 0) {
                int close = segment.indexOf(']', bracket);
                steps.add(Integer.parseInt(segment.substring(bracket + 1, close)));
                bracket = segment.indexOf('[', close);
            }
        }
        return steps;
    }
}
