package io.agentobs.consumer.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the Kafka cluster from a background thread, so readiness is right while no records flow (seed 003): is a
 * broker reachable, and how far behind is the group on each partition of its topics.
 *
 * <p>Lag is {@code end offset − committed offset} (or {@code − start offset} for a partition the group has never
 * committed), with end offsets as a {@code read_committed} consumer sees them. The group's total lag is shown in
 * health; the gauge {@code agentobs.consumer.lag{topic,partition}} holds only the partitions assigned to this
 * instance, so summing it across the replicas of a service gives the group's lag, not a multiple of it. A failure to
 * compute lag does not make Kafka count as unreachable; while Kafka is unreachable the gauge is empty.
 */
public class KafkaMonitor {

    private static final Logger log = LoggerFactory.getLogger(KafkaMonitor.class);

    private final Admin admin;
    private final String groupId;
    private final List<String> topics;
    private final Duration timeout;
    private final Clock clock;
    private final Supplier<Set<TopicPartition>> assignedPartitions;
    private final MultiGauge lagGauge;
    private final AtomicReference<Status> status;

    public KafkaMonitor(Admin admin, String groupId, List<String> topics, Duration timeout, MeterRegistry registry, Clock clock,
                        Supplier<Set<TopicPartition>> assignedPartitions) {
        this.admin = admin;
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
        this.timeout = timeout;
        this.clock = clock;
        this.assignedPartitions = assignedPartitions;
        this.lagGauge = MultiGauge.builder("agentobs.consumer.lag")
                .description("Records the consumer group is behind the end of each partition assigned to this instance")
                .baseUnit("records")
                .register(registry);
        this.status = new AtomicReference<>(new Status(false, null, "not checked yet", 0, Map.of(), null));
    }

    /** Runs one check; called on the monitor's schedule. Never throws. */
    public void check() {
        Instant now = clock.instant();
        int brokers;
        try {
            brokers = reachableBrokers();
        } catch (Exception e) {
            interruptIfNeeded(e);
            lagGauge.register(List.of(), true);
            Status previous = status.getAndSet(new Status(false, now, ErrorDescriptions.describe(e), 0, Map.of(), null));
            if (previous.reachable() || previous.checkedAt() == null) {
                log.warn("Kafka is not reachable: {}", ErrorDescriptions.describe(e));
            }
            return;
        }
        Map<TopicPartition, Long> lag = Map.of();
        String lagError = null;
        try {
            lag = lag();
            publish(lag);
        } catch (Exception e) {
            interruptIfNeeded(e);
            lagError = ErrorDescriptions.describe(e);
            log.debug("Could not compute consumer lag: {}", lagError);
        }
        Status previous = status.getAndSet(new Status(true, now, null, brokers, lag, lagError));
        if (!previous.reachable() && previous.checkedAt() != null) {
            log.info("Kafka is reachable again ({} broker(s))", brokers);
        }
    }

    /** Result of the last check. */
    public Status status() {
        return status.get();
    }

    private int reachableBrokers() throws Exception {
        var nodes = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (nodes.isEmpty()) {
            throw new IllegalStateException("cluster reported no brokers");
        }
        return nodes.size();
    }

    private Map<TopicPartition, Long> lag() throws Exception {
        Set<String> existing = new HashSet<>(admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(present).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        descriptions.forEach((topic, description) -> {
            for (TopicPartitionInfo info : description.partitions()) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        });
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
        List<TopicPartition> neverCommitted = partitions.stream()
                .filter(tp -> committed.get(tp) == null).toList();
        Map<TopicPartition, ListOffsetsResultInfo> starts = neverCommitted.isEmpty() ? Map.of()
                : offsets(neverCommitted, OffsetSpec.earliest());
        Map<TopicPartition, Long> lag = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata position = committed.get(tp);
            long from = position != null ? position.offset() : starts.get(tp).offset();
            lag.put(tp, Math.max(0, ends.get(tp).offset() - from));
        }
        return lag;
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void publish(Map<TopicPartition, Long> lag) {
        Set<TopicPartition> mine = assignedPartitions.get();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        lag.forEach((tp, value) -> {
            if (mine.contains(tp)) {
                rows.add(MultiGauge.Row.of(Tags.of("topic", tp.topic(), "partition", Integer.toString(tp.partition())), value));
            }
        });
        lagGauge.register(rows, true);
    }

    private static void interruptIfNeeded(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Outcome of the last background check.
     *
     * @param reachable whether a broker answered
     * @param checkedAt when the check ran, or null before the first one
     * @param error why the cluster could not be reached, or null
     * @param brokers brokers the cluster reported
     * @param lag records behind per partition of the subscribed topics, for the whole group
     * @param lagError why lag could not be computed in the last check, or null
     */
    public record Status(boolean reachable, Instant checkedAt, String error, int brokers, Map<TopicPartition, Long> lag,
                         String lagError) {

        /** Total records the group is behind across all partitions of its topics. */
        public long totalLag() {
            return lag.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
