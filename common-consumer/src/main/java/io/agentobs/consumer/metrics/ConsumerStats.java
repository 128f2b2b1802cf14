package io.agentobs.consumer.metrics;

import java.time.Instant;

/**
 * Seed 000's {@code /metrics} body.
 *
 * @param uptimeSeconds seconds since the service started
 * @param messagesConsumed records read from Kafka
 * @param messagesInserted records stored by the sink
 * @param messagesFailed records sent to a dead-letter topic
 * @param batchesProcessed batches completed and committed
 * @param avgBatchProcessingMs mean time per completed batch
 * @param messagesPerSecond records consumed per second of uptime
 * @param lastCommitTime when the last batch completed and its offsets were committed, or null
 * @param retryAttempts transient failures retried so far
 */
public record ConsumerStats(
        double uptimeSeconds,
        long messagesConsumed,
        long messagesInserted,
        long messagesFailed,
        long batchesProcessed,
        double avgBatchProcessingMs,
        double messagesPerSecond,
        Instant lastCommitTime,
        long retryAttempts) {
}
