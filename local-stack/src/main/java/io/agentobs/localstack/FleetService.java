package io.agentobs.localstack;

import java.util.List;
import java.util.Map;

/**
 * The five consumer services in the order the local stack starts them, with the HTTP ports deploy/ gives them, the
 * heap each gets and the pages it serves. db-writer-service comes first: it applies the Flyway migrations, so the
 * schema exists before anything else runs. audit-logger-service comes last: it archives what the others produce.
 *
 * @param module      the Maven module, also the jar's artifact id and the name in the table
 * @param defaultPort {@code HEALTH_CHECK_PORT} unless the options give another
 * @param maxHeap     the JVM's {@code -Xmx}
 * @param environment settings of this service beyond the servers' addresses
 * @param pages       its API and UI pages beyond health and metrics
 */
record FleetService(String module, int defaultPort, String maxHeap, Map<String, String> environment,
                    List<Page> pages) {

    /** A page a service serves: path and what it is. */
    record Page(String path, String label) {
    }

    /** Every service SPEC §4 plans, in start order; only those whose jar is built are started. */
    static List<FleetService> all() {
        return List.of(
                new FleetService("db-writer-service", 8081, "256m", Map.of(), List.of()),
                new FleetService("metrics-aggregator-service", 8082, "256m", Map.of(), List.of(
                        new Page("/api/metrics/summary", "API"),
                        new Page("/", "dashboard"),
                        new Page("/swagger-ui.html", "API docs"))),
                new FleetService("alert-manager-service", 8083, "256m", Map.of(), List.of()),
                new FleetService("pattern-extractor-service", 8084, "256m", Map.of(), List.of()),
                // The service needs a heap of at least twice what it buffers (its README); under steady traffic a
                // file is uploaded after at most a minute here (the service's default is 10 min), so the archive
                // shows objects soon after the stack starts.
                new FleetService("audit-logger-service", 8085, "256m", Map.of("AUDIT_MAX_BUFFERED_SIZE", "96MB",
                        "AUDIT_MAX_OPEN_TIME", "1m"), List.of()));
    }
}
