package io.agentobs.consumer.health;

import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Readiness part "sink": DOWN while writes are being retried or the background probe fails. */
public class SinkHealthIndicator implements HealthIndicator {

    private final SinkHealth sinkHealth;

    public SinkHealthIndicator(SinkHealth sinkHealth) {
        this.sinkHealth = sinkHealth;
    }

    @Override
    public Health health() {
        Health.Builder builder = sinkHealth.healthy() ? Health.up() : Health.down();
        add(builder, "writes", sinkHealth.writes());
        add(builder, "probe", sinkHealth.probes());
        return builder.build();
    }

    private static void add(Health.Builder builder, String name, SinkHealth.State state) {
        if (state.healthy()) {
            builder.withDetail(name, "ok");
        } else {
            builder.withDetail(name, Map.of(
                    "failingSince", String.valueOf(state.failingSince()),
                    "consecutiveFailures", state.consecutiveFailures(),
                    "lastError", String.valueOf(state.lastError())));
        }
    }
}
