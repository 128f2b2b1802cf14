package io.agentobs.consumer.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness part "kafka": UP when the last background check reached a broker and is recent; shows the group's total
 * lag. A check older than {@code maxAge} counts as DOWN, so a stalled background thread cannot leave readiness UP.
 */
public class KafkaHealthIndicator implements HealthIndicator {

    private final KafkaMonitor monitor;
    private final Duration maxAge;
    private final Clock clock;

    public KafkaHealthIndicator(KafkaMonitor monitor, Duration maxAge, Clock clock) {
        this.monitor = monitor;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Health health() {
        KafkaMonitor.Status status = monitor.status();
        Instant checkedAt = status.checkedAt();
        boolean stale = checkedAt != null && checkedAt.plus(maxAge).isBefore(clock.instant());
        Health.Builder builder = status.reachable() && !stale ? Health.up() : Health.down();
        builder.withDetail("checkedAt", String.valueOf(checkedAt));
        if (stale) {
            builder.withDetail("error", "no Kafka check has completed for more than " + maxAge.toSeconds() + " s");
        } else if (status.reachable()) {
            builder.withDetail("brokers", status.brokers()).withDetail("totalLag", status.totalLag());
            if (status.lagError() != null) {
                builder.withDetail("lagError", status.lagError());
            }
        } else {
            builder.withDetail("error", status.error());
        }
        return builder.build();
    }
}
