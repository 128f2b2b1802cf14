package io.agentobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.agentobs.events.Topic;
import io.agentobs.infra.client.KafkaTopics;
import io.agentobs.infra.client.ServiceHttp;
import io.agentobs.infra.junit.KafkaExtension;
import io.agentobs.infra.junit.RedisExtension;
import io.agentobs.metrics.histogram.LogLinearBuckets;
import io.agentobs.metrics.histogram.Percentiles;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.sync.RedisCommands;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Known events aggregated by a running service: every query endpoint answers what a direct computation over the
 * events gives and what Redis holds, and the OpenAPI document lists the endpoints.
 */
class QueryApiIT {

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.shared();

    private static final int DB = RedisDatabases.QUERY_API;
    private static final String GROUP = "metrics-query-api-it";
    private static final List<Topic> TOPICS = List.of(Topic.AGENT_ACTIONS, Topic.TASK_EXECUTIONS,
            Topic.AGENT_ROUTING_DECISIONS, Topic.ROUTER_PERFORMANCE_METRICS, Topic.AGENT_TRANSFORMATION_EVENTS);
    private static final Instant HOUR = Instant.parse("2025-10-21T09:00:00Z");
    private static final String RANGE = "from=2025-10-21T09:00:00Z&to=2025-10-21T10:00:00Z";
    private static final int EVENTS = 2_500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<ObjectNode> SENT = new ArrayList<>();
    private static ConfigurableApplicationContext service;
    private static RedisDump redis;
    private static int port;

    @BeforeAll
    static void aggregateKnownEvents() throws Exception {
        SentEvents.createTopics(KAFKA.bootstrapServers(), 3, TOPICS);
        TestTraffic traffic = new TestTraffic(23, 900);
        Random random = new Random(5);
        for (int i = 0; i < EVENTS; i++) {
            Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
            SENT.add(SentEvents.tagged(topic, traffic.event(topic, HOUR.plusMillis(random.nextInt(55 * 60 * 1000)))));
        }
        Map<String, String> settings = MetricsServices.settings(KAFKA.bootstrapServers(), REDIS.host(), REDIS.port(), DB,
                GROUP);
        settings.put("KAFKA_TOPICS", SentEvents.names(TOPICS));
        settings.put("METRICS_GRACE_SECONDS", "86400");
        settings.put("METRICS_TOP_N", "3");
        redis = new RedisDump(REDIS.host(), REDIS.port(), DB);
        service = MetricsServices.start(settings);
        port = MetricsServices.port(service);
        try (KafkaTopics kafka = new KafkaTopics(KAFKA.bootstrapServers())) {
            new SentEvents().send(kafka, SENT);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> redis.appliedRecords(GROUP) == EVENTS);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void summaryCountsRatesPercentilesAndDistinctIdsEqualTheEventsSentAndRedis() throws Exception {
        JsonNode summary = get("/api/metrics/summary?" + RANGE);
        assertThat(summary.at("/range/resolution").asString()).as("a whole hour is read from one 1h window").isEqualTo("1h");
        assertThat(summary.at("/range/windows").asInt()).isEqualTo(1);
        assertThat(summary.get("events").asLong()).isEqualTo(EVENTS);

        RedisCommands<String, String> r = redis.redis();
        String hour = "agentobs:1h:" + HOUR.getEpochSecond() + ":";
        for (Topic topic : Topic.values()) {
            long direct = of(topic).size();
            assertThat(summary.at("/topics/" + topic.topicName() + "/events").asLong()).as(topic.topicName())
                    .isEqualTo(direct)
                    .isEqualTo(Long.parseLong(orZero(r.hget(hour + "events", topic.topicName()))));
        }
        List<ObjectNode> actions = of(Topic.AGENT_ACTIONS);
        long actionErrors = count(actions, e -> "error".equals(e.get("action_type").asString()));
        long actionSuccesses = count(actions, e -> "success".equals(e.get("action_type").asString()));
        JsonNode actionStats = summary.at("/topics/agent-actions");
        assertThat(actionStats.get("errors").asLong()).isEqualTo(actionErrors);
        assertThat(actionStats.get("successes").asLong()).isEqualTo(actionSuccesses);
        assertThat(actionStats.get("errorRate").asDouble()).isEqualTo((double) actionErrors / actions.size());
        assertThat(actionStats.get("successRate").asDouble()).isEqualTo((double) actionSuccesses / actions.size());
        List<ObjectNode> tasks = of(Topic.TASK_EXECUTIONS);
        long taskSuccesses = count(tasks, e -> e.get("success").asBoolean());
        assertThat(summary.at("/topics/task-executions/errors").asLong()).isEqualTo(tasks.size() - taskSuccesses);
        assertThat(summary.at("/topics/task-executions/successRate").asDouble())
                .isEqualTo((double) taskSuccesses / tasks.size());
        List<ObjectNode> transformations = of(Topic.AGENT_TRANSFORMATION_EVENTS);
        long transformed = count(transformations, e -> e.get("success").asBoolean());
        assertThat(summary.at("/topics/agent-transformation-events/successes").asLong()).isEqualTo(transformed);
        assertThat(summary.at("/topics/agent-transformation-events/errorRate").asDouble())
                .isEqualTo((double) (transformations.size() - transformed) / transformations.size());
        assertThat(summary.at("/topics/agent-routing-decisions/errors").isNull()).isTrue();
        assertThat(summary.at("/actionTypes/tool_call").asLong())
                .isEqualTo(count(actions, e -> "tool_call".equals(e.get("action_type").asString())));
        for (String type : List.of("tool_call", "decision", "error", "success")) {
            assertLatency(summary.at("/actionTypeLatencies/" + type), type,
                    actions.stream().filter(e -> type.equals(e.get("action_type").asString())).toList(), "duration_ms");
        }

        assertLatency(summary, "action_ms", Topic.AGENT_ACTIONS, "duration_ms");
        assertLatency(summary, "task_ms", Topic.TASK_EXECUTIONS, "total_duration_ms");
        assertLatency(summary, "routing_ms", Topic.AGENT_ROUTING_DECISIONS, "routing_time_ms");
        assertLatency(summary, "router_ms", Topic.ROUTER_PERFORMANCE_METRICS, "routing_duration_ms");
        assertLatency(summary, "transformation_ms", Topic.AGENT_TRANSFORMATION_EVENTS, "transformation_duration_ms");
        Percentiles stored = new Percentiles().merge(r.hgetall(hour + "hist:action_ms"));
        assertThat(summary.at("/latencies/action_ms/p99").asLong()).as("Redis").isEqualTo(stored.p99());

        Set<String> distinct = new HashSet<>();
        SENT.forEach(e -> distinct.add(e.get("correlation_id").asString()));
        assertThat(summary.get("distinctCorrelations").asLong()).isEqualTo(r.pfcount(hour + "correlations"));
        assertThat((double) summary.get("distinctCorrelations").asLong()).isCloseTo(distinct.size(), withPercentage(2));

        List<ObjectNode> router = of(Topic.ROUTER_PERFORMANCE_METRICS);
        long hits = count(router, e -> e.get("cache_hit").asBoolean());
        assertThat(summary.at("/router/lookups").asLong()).isEqualTo(router.size());
        assertThat(summary.at("/router/cacheHits").asLong()).isEqualTo(hits);
        assertThat(summary.at("/router/cacheHitRate").asDouble()).isEqualTo((double) hits / router.size());
        long confidences = 0;
        for (JsonNode bucket : summary.get("confidence")) {
            confidences += bucket.asLong();
        }
        assertThat(confidences).isEqualTo(of(Topic.AGENT_ROUTING_DECISIONS).size());

        for (String type : List.of("code_generation", "refactoring", "debugging")) {
            List<ObjectNode> ofType = tasks.stream().filter(e -> type.equals(e.get("task_type").asString())).toList();
            JsonNode group = summary.at("/tasks/byType/" + type);
            assertThat(group.get("count").asLong()).isEqualTo(ofType.size());
            assertThat(group.get("successRate").asDouble())
                    .isEqualTo((double) count(ofType, e -> e.get("success").asBoolean()) / ofType.size());
            long micros = ofType.stream().mapToLong(e -> Math.round(e.get("quality_score").asDouble() * 1_000_000)).sum();
            assertThat(group.get("meanQuality").asDouble()).isEqualTo(micros / 1_000_000.0 / ofType.size());
        }
        long unknownDomain = count(tasks, e -> !e.hasNonNull("domain"));
        assertThat(summary.at("/tasks/byDomain/unknown/count").asLong()).isEqualTo(unknownDomain);
        assertThat(summary.get("late").isEmpty()).isTrue();

        JsonNode fromBaseWindows = get("/api/metrics/summary?" + RANGE + "&resolution=5s");
        assertThat(fromBaseWindows.at("/range/windows").asInt()).isEqualTo(720);
        for (String field : List.of("events", "topics", "actionTypes", "actionTypeLatencies", "latencies", "distinctCorrelations", "router",
                "confidence", "tasks")) {
            assertThat(fromBaseWindows.get(field)).as("%s from 720 windows of 5s", field).isEqualTo(summary.get(field));
        }
    }

    @Test
    void agentViewEqualsEachAgentsActionsAndTasks() throws Exception {
        for (String agent : TestTraffic.AGENTS) {
            List<ObjectNode> own = agentEvents(agent);
            long errors = count(own, QueryApiIT::isError);
            long successes = count(own, QueryApiIT::isSuccess);
            JsonNode view = get("/api/metrics/agents/" + agent + "?" + RANGE);
            assertThat(view.get("agent").asString()).isEqualTo(agent);
            assertThat(view.get("events").asLong()).as(agent).isEqualTo(own.size()).isEqualTo(Long.parseLong(
                    redis.redis().hget("agentobs:1h:" + HOUR.getEpochSecond() + ":agents", "count:" + agent)));
            assertThat(view.get("errors").asLong()).as(agent).isEqualTo(errors);
            assertThat(view.get("successes").asLong()).as(agent).isEqualTo(successes);
            assertThat(view.get("errorRate").asDouble()).isEqualTo((double) errors / own.size());
            assertLatency(view.at("/latencies/action_ms"), agent + " action_ms",
                    own.stream().filter(e -> SentEvents.topicOf(e) == Topic.AGENT_ACTIONS).toList(), "duration_ms");
            assertLatency(view.at("/latencies/task_ms"), agent + " task_ms",
                    own.stream().filter(e -> SentEvents.topicOf(e) == Topic.TASK_EXECUTIONS).toList(), "total_duration_ms");
            assertThat(view.at("/latencies/task_ms/p99").asLong()).as("Redis").isEqualTo(new Percentiles()
                    .merge(redis.redis().hgetall("agentobs:1h:" + HOUR.getEpochSecond() + ":hist:task_ms:agent:" + agent))
                    .p99());
        }
        JsonNode nobody = get("/api/metrics/agents/no-such-agent?" + RANGE);
        assertThat(nobody.get("events").asLong()).isZero();
        assertThat(nobody.get("errorRate").isNull()).isTrue();
        assertThat(nobody.at("/latencies/action_ms/count").asLong()).isZero();
        assertThat(nobody.at("/latencies/action_ms/p50").isNull()).isTrue();
    }

    @Test
    void topAgentsAreRankedByVolumeOrErrorsLikeTheEventsSentAndTheSortedSets() throws Exception {
        List<String> byVolume = ranked(QueryApiIT::isAgentEvent);
        List<String> byErrors = ranked(QueryApiIT::isError);
        JsonNode top = get("/api/metrics/top-agents?" + RANGE + "&n=5");
        assertThat(names(top)).isEqualTo(byVolume);
        List<String> zset = redis.redis().zrevrangeWithScores("agentobs:1h:" + HOUR.getEpochSecond() + ":top:volume", 0, -1)
                .stream().sorted(Comparator.comparingDouble((ScoredValue<String> v) -> -v.getScore())
                        .thenComparing(ScoredValue::getValue)).map(ScoredValue::getValue).toList();
        assertThat(names(top)).as("Redis").isEqualTo(zset);
        assertThat(top.at("/agents/0/rank").asInt()).isEqualTo(1);
        assertThat(top.at("/agents/0/events").asLong()).isEqualTo(agentEvents(byVolume.get(0)).size());

        JsonNode errors = get("/api/metrics/top-agents?" + RANGE + "&by=errors&n=2");
        assertThat(errors.get("by").asString()).isEqualTo("errors");
        assertThat(names(errors)).isEqualTo(byErrors.subList(0, 2));
        assertThat(errors.at("/agents/1/errors").asLong()).isEqualTo(count(agentEvents(byErrors.get(1)), QueryApiIT::isError));

        JsonNode byDefault = get("/api/metrics/top-agents?" + RANGE + "&resolution=5m");
        assertThat(byDefault.get("n").asInt()).as("METRICS_TOP_N").isEqualTo(3);
        assertThat(names(byDefault)).isEqualTo(byVolume.subList(0, 3));
    }

    @Test
    void seriesPointsAreEachWindowsValueAndAddUpToTheSummary() throws Exception {
        JsonNode series = get("/api/metrics/series?metric=events&" + RANGE + "&resolution=5m");
        JsonNode points = series.get("points");
        assertThat(points).hasSize(12);
        long sum = 0;
        for (int i = 0; i < 12; i++) {
            Instant start = HOUR.plus(Duration.ofMinutes(5L * i));
            assertThat(Instant.parse(points.get(i).get("windowStart").asString())).isEqualTo(start);
            long direct = count(SENT, e -> !SentEvents.time(e).isBefore(start)
                    && SentEvents.time(e).isBefore(start.plus(Duration.ofMinutes(5))));
            assertThat(points.get(i).get("value").asLong()).as("window %s", start).isEqualTo(direct);
            sum += points.get(i).get("value").asLong();
        }
        assertThat(sum).isEqualTo(EVENTS);
        assertThat(points.get(11).get("value").asLong()).as("an empty window is 0").isZero();

        JsonNode errorsPerMinute = get("/api/metrics/series?metric=errors&agent=agent-api&" + RANGE + "&resolution=1m");
        assertThat(errorsPerMinute.get("points")).hasSize(60);
        assertThat(errorsPerMinute.get("filters").get("agent").asString()).isEqualTo("agent-api");
        long errors = 0;
        for (JsonNode point : errorsPerMinute.get("points")) {
            errors += point.get("value").asLong();
        }
        assertThat(errors).isEqualTo(get("/api/metrics/agents/agent-api?" + RANGE).get("errors").asLong());

        Instant window = HOUR.plus(Duration.ofMinutes(20));
        JsonNode p95 = get("/api/metrics/series?metric=p95&histogram=action_ms&" + RANGE + "&resolution=5m");
        List<Long> values = of(Topic.AGENT_ACTIONS).stream().filter(e -> !SentEvents.time(e).isBefore(window)
                && SentEvents.time(e).isBefore(window.plus(Duration.ofMinutes(5)))).map(e -> e.get("duration_ms").asLong())
                .sorted().toList();
        assertThat(p95.at("/points/4/value").asLong()).isEqualTo(nearestRank(values, 950));
        assertThat(p95.at("/points/11/value").isNull()).as("nothing to rank").isTrue();
        JsonNode agentP95 = get("/api/metrics/series?metric=p95&histogram=action_ms&agent=agent-api&" + RANGE
                + "&resolution=5m");
        assertThat(agentP95.at("/points/4/value").asLong()).isEqualTo(nearestRank(of(Topic.AGENT_ACTIONS).stream()
                .filter(e -> "agent-api".equals(e.get("agent_name").asString()) && !SentEvents.time(e).isBefore(window)
                        && SentEvents.time(e).isBefore(window.plus(Duration.ofMinutes(5))))
                .map(e -> e.get("duration_ms").asLong()).sorted().toList(), 950));
        JsonNode typeP99 = get("/api/metrics/series?metric=p99&histogram=action_ms&actionType=tool_call&" + RANGE);
        assertThat(typeP99.at("/points/0/value").asLong()).isEqualTo(actionTypeP99("tool_call"));

        JsonNode distinct = get("/api/metrics/series?metric=distinct_correlations&" + RANGE + "&resolution=5m");
        assertThat(distinct.at("/points/4/value").asLong())
                .isEqualTo(redis.redis().pfcount("agentobs:5m:" + window.getEpochSecond() + ":correlations"));

        JsonNode routingPerTopic = get("/api/metrics/series?metric=events&topic=agent-routing-decisions&" + RANGE);
        long routing = 0;
        for (JsonNode point : routingPerTopic.get("points")) {
            routing += point.get("value").asLong();
        }
        assertThat(routing).isEqualTo(of(Topic.AGENT_ROUTING_DECISIONS).size());
    }

    @Test
    void openApiDocumentListsEveryEndpointAndBadParametersAreProblemJson() throws Exception {
        HttpResponse<String> docs = ServiceHttp.get(port, "/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(docs.body()).get("paths");
        assertThat(paths.propertyNames()).contains("/api/metrics/summary", "/api/metrics/agents/{agent}",
                "/api/metrics/top-agents", "/api/metrics/series");
        assertThat(paths.propertyNames()).allMatch(path -> path.startsWith("/api/metrics/"));
        JsonNode responses = paths.at("/~1api~1metrics~1series/get/responses");
        assertThat(responses.at("/200/content/application~1json/schema/$ref").asString()).endsWith("/SeriesResponse");
        assertThat(responses.at("/400/content/application~1problem+json").isMissingNode()).isFalse();
        assertThat(responses.at("/503/content/application~1problem+json").isMissingNode()).isFalse();
        assertThat(ServiceHttp.status(port, "/swagger-ui/index.html")).isEqualTo(200);

        HttpResponse<String> bad = ServiceHttp.get(port, "/api/metrics/series?metric=latency");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(bad.body()).get("parameter").asString()).isEqualTo("metric");
    }

    @Test
    void dashboardPageIsServedAndEveryRequestItPollsAnswers() throws Exception {
        HttpResponse<String> page = ServiceHttp.get(port, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/api/metrics/summary?", "/api/metrics/top-agents?", "/api/metrics/series?")
                .doesNotContain("http://", "https://");
        for (String range : List.of("5m", "15m", "1h", "6h", "1d")) {
            get("/api/metrics/summary?from=" + range);
            get("/api/metrics/top-agents?from=" + range);
            for (String metric : List.of("metric=events", "metric=errors", "metric=error_rate",
                    "metric=p95&histogram=action_ms", "metric=p95&histogram=routing_ms", "metric=distinct_correlations",
                    "metric=cache_hit_rate")) {
                assertThat(page.body()).contains(metric.replace("&", "&amp;"));
                get("/api/metrics/series?" + metric + "&from=" + range);
            }
        }
    }

    private static void assertLatency(JsonNode summary, String histogram, Topic topic, String field) {
        assertLatency(summary.at("/latencies/" + histogram), histogram, of(topic), field);
    }

    /** The count and percentiles of {@code stats} equal those of the events' {@code field}. */
    private static void assertLatency(JsonNode stats, String label, List<ObjectNode> events, String field) {
        List<Long> values = events.stream().filter(e -> e.hasNonNull(field)).map(e -> e.get(field).asLong()).sorted()
                .toList();
        assertThat(values).as(label).isNotEmpty();
        assertThat(stats.get("count").asLong()).as(label).isEqualTo(values.size());
        assertThat(stats.get("p50").asLong()).as("%s p50", label).isEqualTo(nearestRank(values, 500));
        assertThat(stats.get("p95").asLong()).as("%s p95", label).isEqualTo(nearestRank(values, 950));
        assertThat(stats.get("p99").asLong()).as("%s p99", label).isEqualTo(nearestRank(values, 990));
    }

    /** The p99 of one action type's durations over the whole hour, from the events sent. */
    private static long actionTypeP99(String actionType) {
        return nearestRank(of(Topic.AGENT_ACTIONS).stream().filter(e -> actionType.equals(e.get("action_type").asString()))
                .map(e -> e.get("duration_ms").asLong()).sorted().toList(), 990);
    }

    /** The nearest-rank percentile of sorted values, at the precision of its histogram bucket. */
    private static long nearestRank(List<Long> sorted, int perMille) {
        long direct = sorted.get((int) Math.ceil(perMille * (double) sorted.size() / 1000) - 1);
        return LogLinearBuckets.lowerBound(LogLinearBuckets.index(direct));
    }

    private static List<String> ranked(Predicate<ObjectNode> counted) {
        Map<String, Long> counts = new TreeMap<>();
        for (ObjectNode e : SENT) {
            if (isAgentEvent(e) && counted.test(e)) {
                counts.merge(e.get("agent_name").asString(), 1L, Long::sum);
            }
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
    }

    private static List<String> names(JsonNode top) {
        List<String> names = new ArrayList<>();
        top.get("agents").forEach(a -> names.add(a.get("agent").asString()));
        return names;
    }

    private static boolean isAgentEvent(ObjectNode e) {
        Topic topic = SentEvents.topicOf(e);
        return topic == Topic.AGENT_ACTIONS || topic == Topic.TASK_EXECUTIONS;
    }

    private static boolean isError(ObjectNode e) {
        return SentEvents.topicOf(e) == Topic.AGENT_ACTIONS ? "error".equals(e.get("action_type").asString())
                : SentEvents.topicOf(e) == Topic.TASK_EXECUTIONS && !e.get("success").asBoolean();
    }

    private static boolean isSuccess(ObjectNode e) {
        return SentEvents.topicOf(e) == Topic.AGENT_ACTIONS ? "success".equals(e.get("action_type").asString())
                : SentEvents.topicOf(e) == Topic.TASK_EXECUTIONS && e.get("success").asBoolean();
    }

    private static List<ObjectNode> agentEvents(String agent) {
        return SENT.stream().filter(e -> isAgentEvent(e) && agent.equals(e.get("agent_name").asString())).toList();
    }

    private static List<ObjectNode> of(Topic topic) {
        return SENT.stream().filter(e -> SentEvents.topicOf(e) == topic).toList();
    }

    private static long count(List<ObjectNode> events, Predicate<ObjectNode> test) {
        return events.stream().filter(test).count();
    }

    private static String orZero(String value) {
        return value == null ? "0" : value;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = ServiceHttp.get(port, path);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
