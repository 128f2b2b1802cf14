package io.agentobs.metrics.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import io.agentobs.metrics.aggregate.KeyLayout;
import io.agentobs.metrics.redis.RedisConnector;
import io.agentobs.metrics.window.Windows;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Every bad parameter over HTTP is a 400 problem+json naming it and the allowed values; no Redis is a 503 problem. */
class QueryProblemsTest {

    private static WindowReader reader;
    private static MockMvc http;

    @BeforeAll
    static void controllerWithoutRedis() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Duration timeout = Duration.ofSeconds(2);
        reader = new WindowReader(new RedisConnector(RedisConnector.uri(null, "127.0.0.1", closedPort, null, 0, timeout),
                timeout), timeout);
        Windows windows = Windows.of(Duration.ofSeconds(5), Duration.ofHours(2), Duration.ofDays(2), Duration.ofDays(8),
                Duration.ofDays(35), Duration.ofSeconds(60));
        MetricsQueryController controller = new MetricsQueryController(new QueryRanges(windows, Clock.systemUTC()),
                new MetricsQueries(reader, new KeyLayout("agentobs:")), 10);
        http = MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(new QueryProblems()).build();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void unknownMetricIsA400NamingMetricAndEveryAllowedMetric() throws Exception {
        http.perform(get("/api/metrics/series").param("metric", "latency").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").value("urn:agentobs:problem:invalid-parameter"))
                .andExpect(jsonPath("$.title").value("Invalid parameter: metric"))
                .andExpect(jsonPath("$.detail").value("unknown metric 'latency'"))
                .andExpect(jsonPath("$.parameter").value("metric"))
                .andExpect(jsonPath("$.value").value("latency"))
                .andExpect(jsonPath("$.allowed[0]").value("events"))
                .andExpect(jsonPath("$.allowed.length()").value(13));
    }

    @Test
    void unknownResolutionIsA400ListingTheResolutions() throws Exception {
        expect400("/api/metrics/summary?resolution=10s", "resolution")
                .andExpect(jsonPath("$.allowed[0]").value("5s"))
                .andExpect(jsonPath("$.allowed[3]").value("1h"));
    }

    @Test
    void fromAfterToIsA400OnFrom() throws Exception {
        expect400("/api/metrics/summary?from=2025-10-20T18:00:00Z&to=2025-10-20T17:00:00Z", "from")
                .andExpect(jsonPath("$.detail").value("from (2025-10-20T18:00:00Z) must be before to (2025-10-20T17:00:00Z)"));
    }

    @Test
    void tooManyWindowsIsA400NamingTheResolutionsThatFit() throws Exception {
        expect400("/api/metrics/top-agents?from=30d&resolution=1m", "resolution")
                .andExpect(jsonPath("$.allowed[0]").value("5m"));
    }

    @Test
    void nOutsideOneToAThousandIsA400() throws Exception {
        expect400("/api/metrics/top-agents?n=0", "n");
        expect400("/api/metrics/top-agents?n=1001", "n");
        expect400("/api/metrics/top-agents?n=abc", "n").andExpect(jsonPath("$.allowed[0]").value("1–1000"));
        expect400("/api/metrics/top-agents?by=latency", "by");
    }

    @Test
    void unparseableTimeIsA400NamingTheTimeForms() throws Exception {
        expect400("/api/metrics/agents/agent-api?from=yesterday", "from")
                .andExpect(jsonPath("$.allowed.length()").value(3));
        expect400("/api/metrics/series?metric=events&to=2025-10-20", "to");
    }

    @Test
    void seriesFilterErrorsAreA400() throws Exception {
        expect400("/api/metrics/series", "metric");
        expect400("/api/metrics/series?metric=p95", "histogram");
        expect400("/api/metrics/series?metric=p95&histogram=foo_ms", "histogram");
        expect400("/api/metrics/series?metric=events&topic=nope", "topic");
        expect400("/api/metrics/series?metric=cache_hit_rate&agent=agent-api", "agent")
                .andExpect(jsonPath("$.allowed[0]").value("events"));
    }

    @Test
    void unreachableRedisIsA503Problem() throws Exception {
        http.perform(get("/api/metrics/summary").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.type").value("urn:agentobs:problem:redis-unavailable"));
    }

    private static ResultActions expect400(String uri, String parameter)
            throws Exception {
        return http.perform(get(uri).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.parameter").value(parameter))
                .andExpect(jsonPath("$.allowed").isArray());
    }
}
