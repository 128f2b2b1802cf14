package io.agentobs.consumer.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.agentobs.consumer.metrics.ConsumerMetrics;
import io.agentobs.consumer.metrics.ConsumerStats;

import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 000's {@code GET /health} and {@code GET /metrics} JSON, for scripts and dashboards written against it.
 * The actuator endpoints ({@code /actuator/health/*}, {@code /actuator/prometheus}) are the primary interface.
 */
@RestController
public class LegacyStatusController {

    private final ListenerLivenessIndicator liveness;
    private final KafkaHealthIndicator kafka;
    private final SinkHealthIndicator sink;
    private final ConsumerMetrics metrics;

    public LegacyStatusController(ListenerLivenessIndicator liveness, KafkaHealthIndicator kafka,
                                  SinkHealthIndicator sink, ConsumerMetrics metrics) {
        this.liveness = liveness;
        this.kafka = kafka;
        this.sink = sink;
        this.metrics = metrics;
    }

    /** {@code {"status": "healthy"|"unhealthy", "consumer": "running"|"stopped", "kafka": …, "sink": …}}; 503 when unhealthy. */
    @GetMapping(path = "/health", produces = "application/json")
    public ResponseEntity<Map<String, Object>> health() {
        boolean running = Status.UP.equals(liveness.health().getStatus());
        boolean kafkaUp = Status.UP.equals(kafka.health().getStatus());
        boolean sinkUp = Status.UP.equals(sink.health().getStatus());
        boolean healthy = running && kafkaUp && sinkUp;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "healthy" : "unhealthy");
        body.put("consumer", running ? "running" : "stopped");
        body.put("kafka", kafkaUp ? "reachable" : "unreachable");
        body.put("sink", sinkUp ? "healthy" : "failing");
        return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    /** Seed 000's counters. */
    @GetMapping(path = "/metrics", produces = "application/json")
    public Map<String, Object> metrics() {
        ConsumerStats s = metrics.snapshot();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uptime_seconds", round(s.uptimeSeconds()));
        body.put("messages_consumed", s.messagesConsumed());
        body.put("messages_inserted", s.messagesInserted());
        body.put("messages_failed", s.messagesFailed());
        body.put("batches_processed", s.batchesProcessed());
        body.put("avg_batch_processing_ms", round(s.avgBatchProcessingMs()));
        body.put("messages_per_second", round(s.messagesPerSecond()));
        body.put("last_commit_time", s.lastCommitTime() == null ? null : s.lastCommitTime().toString());
        body.put("retry_attempts", s.retryAttempts());
        return body;
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
