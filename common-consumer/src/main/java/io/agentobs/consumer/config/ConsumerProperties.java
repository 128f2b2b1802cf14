package io.agentobs.consumer.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service consumes: group, topics, batching, retry and shutdown ({@code agentobs.consumer.*}).
 *
 * <p>The seeds' environment variables map onto these keys ({@code KAFKA_GROUP_ID}, {@code BATCH_SIZE},
 * {@code BATCH_TIMEOUT_MS}, {@code KAFKA_AUTO_OFFSET_RESET}, {@code KAFKA_SESSION_TIMEOUT_MS}…); ranges follow seed 002
 * and are checked at start so a wrong value fails with the key and the allowed range.
 *
 * @param groupId consumer group of the service
 * @param topics topics the service's listener subscribes to
 * @param batchSize most records handed to the sink at once ({@code max.poll.records}), 1–10000
 * @param batchTimeout longest a batch waits to fill before it is delivered ({@code fetch.max.wait.ms})
 * @param fetchMinBytes bytes the broker tries to gather before answering a fetch, up to {@code batchTimeout}
 * @param autoOffsetReset where a group with no committed offset starts: {@code earliest} or {@code latest}
 * @param sessionTimeout consumer session timeout, 1–300 s
 * @param maxPollInterval longest time between polls before the broker evicts the consumer
 * @param concurrency consumer threads per service instance
 * @param maxEventBytes largest accepted event value; bigger records go to the dead-letter topic
 * @param retry backoff for transient sink failures
 * @param shutdownTimeout longest a graceful stop waits for the in-flight batch to finish and commit
 * @param healthCheckInterval how often Kafka reachability, consumer lag and sink probes are checked in the background
 * @param badRecordLogInterval how often rejected records are summarised in the log
 */
@Validated
@ConfigurationProperties("agentobs.consumer")
public record ConsumerProperties(
        @NotBlank String groupId,
        @NotEmpty List<@NotBlank String> topics,
        @DefaultValue("100") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("500ms") @NotNull Duration batchTimeout,
        @DefaultValue("65536") @Min(1) @Max(52_428_800) int fetchMinBytes,
        @DefaultValue("earliest") @Pattern(regexp = "earliest|latest", message = "must be earliest or latest")
        String autoOffsetReset,
        @DefaultValue("30s") @NotNull Duration sessionTimeout,
        @DefaultValue("5m") @NotNull Duration maxPollInterval,
        @DefaultValue("1") @Min(1) @Max(64) int concurrency,
        @DefaultValue("1048576") @Min(1024) @Max(104_857_600) int maxEventBytes,
        @Valid @DefaultValue RetryProperties retry,
        @DefaultValue("30s") @NotNull Duration shutdownTimeout,
        @DefaultValue("15s") @NotNull Duration healthCheckInterval,
        @DefaultValue("30s") @NotNull Duration badRecordLogInterval) {

    /** Checks the duration ranges that annotations cannot express, naming the key and the range. */
    public ConsumerProperties {
        // fetch.max.wait.ms must stay below the client's 30 s request timeout
        DurationRange.check("agentobs.consumer.batch-timeout", batchTimeout, Duration.ofMillis(1), Duration.ofSeconds(25));
        DurationRange.check("agentobs.consumer.session-timeout", sessionTimeout, Duration.ofSeconds(1), Duration.ofMinutes(5));
        DurationRange.check("agentobs.consumer.max-poll-interval", maxPollInterval, Duration.ofSeconds(1), Duration.ofHours(1));
        DurationRange.check("agentobs.consumer.shutdown-timeout", shutdownTimeout, Duration.ofSeconds(1), Duration.ofMinutes(10));
        DurationRange.check("agentobs.consumer.health-check-interval", healthCheckInterval, Duration.ofMillis(100), Duration.ofMinutes(10));
        DurationRange.check("agentobs.consumer.bad-record-log-interval", badRecordLogInterval, Duration.ofMillis(100), Duration.ofHours(1));
    }

    /**
     * Exponential backoff with jitter for transient failures; it never gives up (seed 003: 1 s → 5 min).
     *
     * @param initialInterval first delay
     * @param maxInterval largest delay
     * @param multiplier growth per attempt
     * @param jitter random spread of each delay as a fraction of it, 0–1
     */
    public record RetryProperties(
            @DefaultValue("1s") @NotNull Duration initialInterval,
            @DefaultValue("5m") @NotNull Duration maxInterval,
            @DefaultValue("2.0") @DecimalMin("1.0") @DecimalMax("10.0") double multiplier,
            @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double jitter) {

        /** Checks that the delays are positive and ordered. */
        public RetryProperties {
            DurationRange.check("agentobs.consumer.retry.initial-interval", initialInterval, Duration.ofMillis(1), Duration.ofHours(1));
            DurationRange.check("agentobs.consumer.retry.max-interval", maxInterval, initialInterval, Duration.ofHours(1));
        }
    }
}
