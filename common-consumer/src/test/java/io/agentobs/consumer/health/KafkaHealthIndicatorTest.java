package io.agentobs.consumer.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

/** Readiness part "kafka" before the first check and when checks stop coming. */
class KafkaHealthIndicatorTest {

    @Test
    void downBeforeTheFirstCheck() {
        KafkaMonitor monitor = new KafkaMonitor((Admin) null, "g", List.of("agent-actions"), Duration.ofSeconds(1),
                new SimpleMeterRegistry(), Clock.systemUTC(), Set::of);
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(monitor, Duration.ofSeconds(30), Clock.systemUTC());
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void staleSuccessfulCheckCountsAsDown() {
        Instant checked = Instant.parse("2026-01-01T00:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(checked.plusSeconds(10));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        KafkaMonitor.Status reachable = new KafkaMonitor.Status(true, checked, null, 1, Map.of(), null);
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(new FixedStatusMonitor(reachable), Duration.ofSeconds(30), clock);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        now.set(checked.plusSeconds(31));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(indicator.health().getDetails().get("error").toString()).contains("no Kafka check");
    }

    /** A monitor whose last check is given. */
    private static final class FixedStatusMonitor extends KafkaMonitor {
        private final Status status;

        FixedStatusMonitor(Status status) {
            super(null, "g", List.of(), Duration.ofSeconds(1), new SimpleMeterRegistry(), Clock.systemUTC(), Set::of);
            this.status = status;
        }

        @Override
        public Status status() {
            return status;
        }
    }
}
