package io.agentobs.cli.simulate;

import io.agentobs.events.Topic;

import java.util.List;

/** Writes a trace's routing decision, router performance metric and transformation event. */
final class RoutingEncoder {

    private static final int MAX_FILE_CONTEXT = 2;

    private final JsonWriter json;
    private final RandomSource random;

    RoutingEncoder(JsonWriter json, RandomSource random) {
        this.json = json;
        this.random = random;
    }

    void write(TracePlan plan, List<GeneratedEvent> out) {
        out.add(routingDecision(plan));
        out.add(routerMetric(plan));
        if (plan.transformation() != null) {
            out.add(transformation(plan));
        }
    }

    private GeneratedEvent routingDecision(TracePlan plan) {
        RoutingChoice routing = plan.routing();
        Scenario scenario = plan.scenario();
        EventEnvelope.open(json, random.uuid(), plan.correlationId())
                .field("user_request", plan.prompt())
                .field("selected_agent", routing.selectedAgent())
                .decimalField("confidence_score", routing.confidence())
                .name("alternatives").beginArray();
        for (RoutingChoice.Alternative alternative : routing.alternatives()) {
            json.beginObject()
                    .field("agent_name", alternative.agentName())
                    .decimalField("confidence_score", alternative.confidence())
                    .field("reason", alternative.reason())
                    .endObject();
        }
        json.endArray()
                .field("reasoning", routing.reasoning())
                .field("routing_strategy", routing.strategy())
                .name("context").beginObject()
                .field("domain", scenario.domain())
                .field("previous_agent", plan.previousAgent())
                .name("file_context").beginArray();
        List<CodeFile> files = scenario.files();
        for (int i = 0; i < Math.min(MAX_FILE_CONTEXT, files.size()); i++) {
            json.value(files.get(i).path());
        }
        json.endArray().endObject()
                .field("routing_time_ms", routing.routingTimeMs());
        return EventEnvelope.close(json, Topic.AGENT_ROUTING_DECISIONS, plan.correlationId(),
                plan.startMillis() + routing.routingTimeMs());
    }

    private GeneratedEvent routerMetric(TracePlan plan) {
        RoutingChoice routing = plan.routing();
        double confidence = routing.confidence();
        EventEnvelope.open(json, random.uuid(), plan.correlationId())
                .field("query_text", plan.prompt())
                .field("routing_duration_ms", routing.routingTimeMs())
                .field("cache_hit", routing.cacheHit())
                .field("trigger_match_strategy", routing.strategy())
                .name("confidence_components").beginObject()
                .decimalField("trigger_score", component(confidence))
                .decimalField("context_score", component(confidence))
                .decimalField("capability_score", component(confidence))
                .decimalField("historical_score", component(confidence))
                .endObject()
                .field("candidates_evaluated", routing.candidatesEvaluated());
        return EventEnvelope.close(json, Topic.ROUTER_PERFORMANCE_METRICS, plan.correlationId(),
                plan.startMillis() + routing.routingTimeMs());
    }

    private GeneratedEvent transformation(TracePlan plan) {
        Transformation transformation = plan.transformation();
        EventEnvelope.open(json, random.uuid(), plan.correlationId())
                .field("source_agent", Agents.POLYMORPHIC)
                .field("target_agent", transformation.targetAgent())
                .field("transformation_reason", plan.routing().confidence() >= 0.8
                        ? "High confidence routing decision" : "Best available routing decision")
                .decimalField("confidence_score", plan.routing().confidence())
                .field("transformation_duration_ms", transformation.durationMs())
                .field("success", transformation.success())
                .name("context_preserved").beginObject()
                .field("user_request", plan.prompt())
                .field("correlation_id", plan.correlationId())
                .field("session_id", plan.sessionId())
                .endObject();
        return EventEnvelope.close(json, Topic.AGENT_TRANSFORMATION_EVENTS, plan.correlationId(),
                plan.startMillis() + transformation.endOffsetMs());
    }

    /** One of the scores the router combined into {@code confidence}: close to it, within [0, 1]. */
    private double component(double confidence) {
        return random.clampedGaussian(confidence, 0.05, 0, 1);
    }
}
