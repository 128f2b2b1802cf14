package io.agentobs.dbwriter;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The db-writer's own settings ({@code agentobs.db-writer.*}); the consumer's are in {@code agentobs.consumer.*} and
 * the database connection in {@code spring.datasource.*}, mapped from the seeds' {@code POSTGRES_*} variables.
 *
 * @param retention how long rows are kept and how they are removed
 */
@Validated
@ConfigurationProperties("agentobs.db-writer")
public record DbWriterProperties(@Valid @NotNull @DefaultValue Retention retention) {

    /**
     * Retention: rows whose event time is older than their table's period are deleted in small batches.
     *
     * @param enabled whether this service deletes expired rows at all (one instance of the group does at a time)
     * @param interval time between runs
     * @param initialDelay time from start to the first run
     * @param batchSize rows per DELETE statement: each is its own short transaction, so writers are never blocked
     * @param periods per topic (or table) name, overriding the topic's retention (7/30/90/365 days)
     */
    public record Retention(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1h") @NotNull Duration interval,
            @DefaultValue("1m") @NotNull Duration initialDelay,
            @DefaultValue("5000") @Min(1) @Max(1_000_000) int batchSize,
            @DefaultValue Map<String, Duration> periods) {
    }
}
