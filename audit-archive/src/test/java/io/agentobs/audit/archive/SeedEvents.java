package io.agentobs.audit.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic archive records: the seed example events of common-events (compact JSON) with their ids, numbers,
 * booleans, agent names and timestamps varied per record, as a stream of one topic partition would carry them.
 */
final class SeedEvents {

    /** Seed file per topic; the values of agent-actions, the busiest topic, are 330-430 bytes. */
    static final Map<String, String> TOPICS = Map.of(
            "agent-actions", "agent-actions.json",
            "agent-routing-decisions", "agent-routing-decisions.json",
            "agent-transformation-events", "agent-transformation-events.json",
            "code-quality-metrics", "code-quality-metrics.json",
            "failure-patterns", "failure-patterns.json",
            "router-performance-metrics", "router-performance-metrics.json",
            "success-patterns", "success-patterns.json",
            "task-executions", "task-executions.json");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long START_MS = Instant.parse("2025-10-20T18:00:00Z").toEpochMilli();
    private static final List<String> AGENTS = List.of("polymorphic-agent", "agent-api-architect", "agent-debug",
            "agent-testing", "agent-code-reviewer", "agent-devops", "agent-documentation", "agent-performance",
            "agent-security", "agent-refactor", "agent-frontend", "agent-database");
    private static final List<String> AGENT_FIELDS = List.of("agent_name", "selected_agent", "source_agent",
            "target_agent");

    private SeedEvents() {
    }

    /** {@code count} records of {@code topic} partition 0 from offset 0, one every ~10 ms. */
    static List<ArchivedRecord> records(String topic, int count) {
        List<ObjectNode> templates = new ArrayList<>();
        templates.add(load(TOPICS.get(topic)));
        if (topic.equals("agent-actions")) {
            templates.add(load("agent-actions-seed000.json"));
        }
        Random random = new Random(42);
        List<ArchivedRecord> records = new ArrayList<>(count);
        String correlationId = null;
        long timestamp = START_MS;
        for (int offset = 0; offset < count; offset++) {
            if (offset % 5 == 0) {
                correlationId = uuid(random).toString();
            }
            timestamp += random.nextInt(20);
            ObjectNode event = templates.get(offset % templates.size()).deepCopy();
            String agent = AGENTS.get(random.nextInt(AGENTS.size()));
            vary(event, random, agent);
            String eventId = uuid(random).toString();
            event.put("event_id", eventId);
            event.put("correlation_id", correlationId);
            event.put("timestamp", Instant.ofEpochMilli(timestamp - random.nextInt(50)).toString());
            String eventType = text(event, "action_type", text(event, "task_type", null));
            records.add(new ArchivedRecord(topic, 0, offset, timestamp, "CreateTime",
                    Records.utf8(agent), JSON.writeValueAsBytes(event), List.of(),
                    eventId, correlationId, Instant.parse(event.get("timestamp").asString()).toEpochMilli() * 1000,
                    agent, eventType, null));
        }
        return records;
    }

    private static void vary(ObjectNode node, Random random, String agent) {
        for (Map.Entry<String, JsonNode> field : new ArrayList<>(node.properties())) {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                vary((ObjectNode) value, random, agent);
            } else if (AGENT_FIELDS.contains(field.getKey())) {
                node.put(field.getKey(), agent);
            } else if (value.isIntegralNumber()) {
                node.put(field.getKey(), random.nextInt(2 * Math.max(value.asInt(), 1) + 10));
            } else if (value.isFloatingPointNumber()) {
                node.put(field.getKey(), Math.round(random.nextDouble() * 1000) / 1000.0);
            } else if (value.isBoolean()) {
                node.put(field.getKey(), random.nextInt(10) > 1);
            }
        }
    }

    private static String text(ObjectNode event, String field, String fallback) {
        JsonNode value = event.get(field);
        return value == null ? fallback : value.asString();
    }

    private static UUID uuid(Random random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    private static ObjectNode load(String file) {
        try (InputStream in = SeedEvents.class.getResourceAsStream("/seed-events/" + file)) {
            if (in == null) {
                throw new IllegalStateException("seed event /seed-events/" + file + " not on the test classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
