package io.agentobs.metrics;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The aggregator's own settings ({@code agentobs.metrics.*}), mapped from {@code REDIS_*}, {@code WINDOW_SIZE_SECONDS}
 * and {@code METRICS_*} in {@code application.yml}; the consumer's are in {@code agentobs.consumer.*}.
 *
 * @param redis the Redis connection
 * @param windowSize the base tumbling window, whole seconds from 1 s to 1 h
 * @param grace how long after its base window ended (by the partition's watermark) an event is still counted
 * @param ttl how long window keys live after their last write, per resolution
 * @param keyPrefix prefix of every key except seed 001's {@code metrics:routing:count:5min}
 * @param lateLogInterval at most one log line per interval about late events
 * @param topN how many agents the query API's top-N lists when the request gives no {@code n} (1–1000)
 */
@Validated
@ConfigurationProperties("agentobs.metrics")
public record MetricsAggregatorProperties(
        @Valid @NotNull @DefaultValue Redis redis,
        @NotNull @DefaultValue("5s") Duration windowSize,
        @NotNull @DefaultValue("60s") Duration grace,
        @Valid @NotNull @DefaultValue Ttl ttl,
        @NotBlank @DefaultValue("agentobs:") String keyPrefix,
        @NotNull @DefaultValue("1m") Duration lateLogInterval,
        @Min(1) @Max(1000) @DefaultValue("10") int topN) {

    public MetricsAggregatorProperties {
        if (windowSize != null && (windowSize.toMillis() % 1000 != 0 || windowSize.toSeconds() < 1
                || windowSize.toSeconds() > 3600)) {
            throw new IllegalArgumentException("agentobs.metrics.window-size (WINDOW_SIZE_SECONDS) = " + windowSize
                    + " must be whole seconds in 1–3600");
        }
        if (grace != null && (grace.isNegative() || grace.compareTo(Duration.ofDays(1)) > 0)) {
            throw new IllegalArgumentException("agentobs.metrics.grace (METRICS_GRACE_SECONDS) = " + grace
                    + " must be 0 s – 1 d");
        }
    }

    /**
     * The Redis connection.
     *
     * @param url a {@code redis://} or {@code rediss://} URL ({@code REDIS_URL}); wins over the other fields when set
     * @param host the host ({@code REDIS_HOST})
     * @param port the port ({@code REDIS_PORT})
     * @param password the password ({@code REDIS_PASSWORD}), empty for none
     * @param database the database number ({@code REDIS_DB})
     * @param timeout how long one command may take before the batch fails and is retried
     */
    public record Redis(
            String url,
            @NotBlank @DefaultValue("localhost") String host,
            @Min(1) @Max(65535) @DefaultValue("6379") int port,
            String password,
            @Min(0) @Max(10000) @DefaultValue("0") int database,
            @NotNull @DefaultValue("5s") Duration timeout) {
    }

    /**
     * Key lifetimes per resolution, counted from a key's last write.
     *
     * @param base the base window ({@code METRICS_TTL_BASE})
     * @param oneMinute 1-minute windows ({@code METRICS_TTL_1M})
     * @param fiveMinutes 5-minute windows and seed 001's key ({@code METRICS_TTL_5M})
     * @param oneHour 1-hour windows ({@code METRICS_TTL_1H})
     */
    public record Ttl(
            @NotNull @DefaultValue("2h") Duration base,
            @NotNull @DefaultValue("2d") Duration oneMinute,
            @NotNull @DefaultValue("8d") Duration fiveMinutes,
            @NotNull @DefaultValue("35d") Duration oneHour) {
    }
}
