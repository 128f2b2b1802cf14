package io.agentobs.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.agentobs.consumer.ConsumedEvent;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.codec.InvalidEventException;
import io.agentobs.events.samples.SampleEvents;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import tools.jackson.databind.node.ObjectNode;

/** Seeded synthetic events of every topic with varied agents, outcomes, durations, confidences and cache hits. */
public final class TestTraffic {

    public static final List<String> AGENTS = List.of("agent-api", "agent-debug", "agent-test", "polymorphic-agent", "agent-db");
    private static final List<String> ACTION_TYPES = List.of("tool_call", "decision", "error", "success");
    private static final List<String> TASK_TYPES = List.of("code_generation", "refactoring", "debugging");
    private static final List<String> DOMAINS = List.of("api_development", "database", "frontend");
    private static final EventCodec CODEC = new EventCodec();

    private final Random random;
    private final List<String> correlations = new ArrayList<>();

    /** Events from this seed, with correlation ids drawn from a pool of {@code correlationPool} ids. */
    public TestTraffic(long seed, int correlationPool) {
        this.random = new Random(seed);
        for (int i = 0; i < correlationPool; i++) {
            correlations.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
    }

    /** One event of the topic at the time. */
    public ObjectNode event(Topic topic, Instant time) {
        ObjectNode e = SampleEvents.event(topic, time);
        e.put("correlation_id", correlations.get(random.nextInt(correlations.size())));
        switch (topic) {
            case AGENT_ACTIONS -> {
                e.put("agent_name", pick(AGENTS));
                e.put("action_type", pick(ACTION_TYPES));
                e.put("duration_ms", duration());
            }
            case TASK_EXECUTIONS -> {
                e.put("agent_name", pick(AGENTS));
                e.put("task_type", pick(TASK_TYPES));
                if (random.nextInt(5) == 0) {
                    e.remove("domain");
                } else {
                    e.put("domain", pick(DOMAINS));
                }
                e.put("success", random.nextInt(4) != 0);
                e.put("quality_score", random.nextInt(101) / 100.0);
                e.put("total_duration_ms", duration());
            }
            case AGENT_ROUTING_DECISIONS -> {
                e.put("confidence_score", random.nextInt(101) / 100.0);
                e.put("routing_time_ms", duration());
            }
            case ROUTER_PERFORMANCE_METRICS -> {
                e.put("cache_hit", random.nextBoolean());
                e.put("routing_duration_ms", duration());
            }
            case AGENT_TRANSFORMATION_EVENTS -> {
                e.put("source_agent", "polymorphic-agent");
                e.put("target_agent", pick(AGENTS));
                e.put("success", random.nextInt(5) != 0);
                e.put("transformation_duration_ms", duration());
            }
            default -> {
            }
        }
        return e;
    }

    /** The event as the sink receives it: its validated JSON, unbound, from a record at offset 0. */
    public static ConsumedEvent consumed(Topic topic, ObjectNode event) {
        byte[] value = SampleEvents.bytes(event);
        try {
            return new ConsumedEvent(topic, CODEC.decodeTree(topic, value), null,
                    new ConsumerRecord<>(topic.topicName(), 0, 0, SampleEvents.key(topic, event), value));
        } catch (InvalidEventException e) {
            throw new IllegalArgumentException("test event is invalid: " + e.getMessage(), e);
        }
    }

    private long duration() {
        return (long) Math.exp(random.nextDouble() * 12);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
