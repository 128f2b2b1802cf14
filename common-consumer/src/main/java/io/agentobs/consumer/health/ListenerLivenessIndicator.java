package io.agentobs.consumer.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerFailedToStartEvent;
import org.springframework.kafka.event.ConsumerStartedEvent;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.event.KafkaEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Liveness part "listeners": DOWN when a consumer thread has died (stopped for any reason other than a normal
 * stop, or failed to start) or a listener container that should run is not running — the case a restart fixes.
 */
public class ListenerLivenessIndicator implements HealthIndicator, ApplicationListener<KafkaEvent> {

    private final KafkaListenerEndpointRegistry registry;
    private final Map<Object, String> deadConsumers = new ConcurrentHashMap<>();

    public ListenerLivenessIndicator(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(KafkaEvent event) {
        if (event instanceof ConsumerStoppedEvent stopped && stopped.getReason() != ConsumerStoppedEvent.Reason.NORMAL) {
            deadConsumers.put(event.getSource(), "consumer stopped: " + stopped.getReason());
        } else if (event instanceof ConsumerFailedToStartEvent) {
            deadConsumers.put(event.getSource(), "consumer failed to start");
        } else if (event instanceof ConsumerStartedEvent) {
            deadConsumers.remove(event.getSource());
        }
    }

    @Override
    public Health health() {
        Map<String, Object> containers = new LinkedHashMap<>();
        boolean alive = true;
        for (MessageListenerContainer container : registry.getAllListenerContainers()) {
            boolean running = container.isRunning();
            containers.put(container.getListenerId(), running ? "running" : "stopped");
            if (container.isAutoStartup() && !running) {
                alive = false;
            }
        }
        Health.Builder builder = alive && deadConsumers.isEmpty() ? Health.up() : Health.down();
        builder.withDetail("containers", containers);
        if (!deadConsumers.isEmpty()) {
            Map<String, String> dead = new LinkedHashMap<>();
            deadConsumers.forEach((source, reason) -> dead.put(name(source), reason));
            builder.withDetail("deadConsumers", dead);
        }
        return builder.build();
    }

    private static String name(Object source) {
        return source instanceof MessageListenerContainer c ? String.valueOf(c.getListenerId()) + "/" + c : String.valueOf(source);
    }
}
