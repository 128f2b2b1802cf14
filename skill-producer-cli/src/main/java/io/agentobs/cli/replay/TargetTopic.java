package io.agentobs.cli.replay;

import io.agentobs.cli.UnavailableException;
import io.agentobs.cli.kafka.ProducerSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Looks up the replay's target topic before anything is sent, with an admin client: a producer's metadata request
 * could create a mistyped topic on a broker that auto-creates topics.
 */
final class TargetTopic {

    private TargetTopic() {
    }

    /**
     * The topic's partition count, or empty when it does not exist.
     *
     * @throws UnavailableException when Kafka cannot be reached or refuses the request
     */
    static OptionalInt partitions(ProducerSettings settings, String topic) throws UnavailableException {
        Map<String, Object> props = settings.adminProperties("agentobs-cli-replay-admin");
        long timeoutMs = Long.parseLong((String) props.get("default.api.timeout.ms"));
        try (Admin admin = Admin.create(props)) {
            Map<String, TopicDescription> described = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
            return OptionalInt.of(described.get(topic).partitions().size());
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof UnknownTopicOrPartitionException) {
                return OptionalInt.empty();
            }
            throw unavailable(settings, topic, failed.getCause());
        } catch (TimeoutException | KafkaException failed) {
            throw unavailable(settings, topic, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable(settings, topic, interrupted);
        }
    }

    private static UnavailableException unavailable(ProducerSettings settings, String topic, Throwable cause) {
        return new UnavailableException("cannot describe the target topic " + topic + " on Kafka at "
                + settings.connection().brokers() + ": " + cause.getClass().getSimpleName() + ": "
                + cause.getMessage(), cause);
    }
}
