package io.agentobs.consumer.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Readiness part "kafka": UP when the last background check reached a broker; shows total lag. */
public class KafkaHealthIndicator implements HealthIndicator {

    private final KafkaMonitor monitor;

    public KafkaHealthIndicator(KafkaMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        KafkaMonitor.Status status = monitor.status();
        Health.Builder builder = status.reachable() ? Health.up() : Health.down();
        builder.withDetail("checkedAt", String.valueOf(status.checkedAt()));
        if (status.reachable()) {
            builder.withDetail("brokers", status.brokers()).withDetail("totalLag", status.totalLag());
        } else {
            builder.withDetail("error", status.error());
        }
        return builder.build();
    }
}
