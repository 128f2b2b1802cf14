package io.agentobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.consumer.ConsumedEvent;
import io.agentobs.consumer.EventBatch;
import io.agentobs.consumer.offsets.KafkaClusterId;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.samples.SampleEvents;
import io.agentobs.infra.junit.RedisExtension;
import io.agentobs.metrics.aggregate.BatchAggregator;
import io.agentobs.metrics.aggregate.KeyLayout;
import io.agentobs.metrics.monitoring.AggregatorMetrics;
import io.agentobs.metrics.monitoring.LateEventLog;
import io.agentobs.metrics.redis.ApplyBatchScript;
import io.agentobs.metrics.redis.PartitionPositions;
import io.agentobs.metrics.redis.RedisConnector;
import io.agentobs.metrics.redis.RedisWindowStore;
import io.agentobs.metrics.window.Windows;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import tools.jackson.databind.node.ObjectNode;

/**
 * Batches Redis already holds wholly or in part, as an instance that lost its partitions in a rebalance (a zombie)
 * or one with a stale view sends them: the script refuses them, the store aggregates the rest again from the stored
 * offset and watermark, and Redis ends exactly as if every record had been applied once.
 */
class ConflictingBatchesIT {

    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.shared();

    private static final int SHARED_DB = RedisDatabases.CONFLICTS_SHARED;
    private static final int REFERENCE_DB = RedisDatabases.CONFLICTS_REFERENCE;
    private static final String GROUP = "metrics-conflict-it";
    private static final String CLUSTER = "conflict-it-cluster";
    private static final TopicPartition ACTIONS = new TopicPartition(Topic.AGENT_ACTIONS.topicName(), 0);
    private static final TopicPartition ROUTING = new TopicPartition(Topic.AGENT_ROUTING_DECISIONS.topicName(), 2);
    private static final Instant START = Instant.parse("2025-10-20T18:00:00Z");
    private static final EventCodec CODEC = new EventCodec();

    private final List<RedisConnector> connectors = new ArrayList<>();
    private final List<ConsumedEvent> actions = events(Topic.AGENT_ACTIONS, ACTIONS, 300, 21);
    private final List<ConsumedEvent> routing = events(Topic.AGENT_ROUTING_DECISIONS, ROUTING, 250, 22);
    private final SimpleMeterRegistry sharedMeters = new SimpleMeterRegistry();

    @BeforeEach
    void emptyDatabases() {
        try (RedisDump shared = new RedisDump(REDIS.host(), REDIS.port(), SHARED_DB);
             RedisDump reference = new RedisDump(REDIS.host(), REDIS.port(), REFERENCE_DB)) {
            shared.redis().flushdb();
            reference.redis().flushdb();
        }
    }

    @AfterEach
    void closeConnections() {
        connectors.forEach(RedisConnector::close);
    }

    @Test
    void batchesRedisAlreadyHoldsWhollyOrInPartAreAppliedOnlyFromTheStoredOffset() throws Exception {
        RedisWindowStore owner = store(SHARED_DB, sharedMeters);
        RedisWindowStore zombie = store(SHARED_DB, sharedMeters);

        owner.write(batch(slice(actions, 0, 100), slice(routing, 0, 50)));
        // the zombie knows nothing: both partitions partly applied, aggregated again from 100 and 50
        zombie.write(batch(slice(actions, 0, 150), slice(routing, 0, 200)));
        // the owner's view is stale (100): partly applied, aggregated again from 150
        owner.write(batch(slice(actions, 100, 250)));
        // the zombie's view of routing is 200, its batch starts before: partly applied, again from 200
        zombie.write(batch(slice(routing, 50, 250)));
        // a partition Redis holds wholly, next to one it does not hold at all, in one script call
        owner.write(batch(slice(actions, 250, 300), slice(routing, 0, 100)));

        RedisWindowStore once = store(REFERENCE_DB, new SimpleMeterRegistry());
        once.write(batch(actions, routing));

        try (RedisDump shared = new RedisDump(REDIS.host(), REDIS.port(), SHARED_DB);
             RedisDump reference = new RedisDump(REDIS.host(), REDIS.port(), REFERENCE_DB)) {
            Map<String, String> expected = reference.dump();
            assertThat(expected).containsKey("agentobs:late").containsKey("metrics:routing:count:5min");
            assertThat(Long.parseLong(reference.redis().hget("agentobs:late", Topic.AGENT_ACTIONS.topicName())))
                    .isPositive();
            assertThat(reference.appliedRecords(GROUP)).isEqualTo(actions.size() + routing.size());
            assertThat(shared.dump()).isEqualTo(expected);
        }
        assertThat(sharedMeters.get("agentobs.metrics.reaggregations").counter().count()).isEqualTo(4);
    }

    @Test
    void offsetsKafkaSkippedAfterTheStoredOneAreNoConflict() throws Exception {
        RedisWindowStore owner = store(SHARED_DB, sharedMeters);
        // offset 100 is a transaction marker: the consumer's next batch starts at 101
        List<ConsumedEvent> withoutMarker = new ArrayList<>(slice(actions, 0, 100));
        withoutMarker.addAll(slice(actions, 101, 300));

        owner.write(batch(slice(actions, 0, 100)));
        owner.write(batch(slice(actions, 101, 300)));

        store(REFERENCE_DB, new SimpleMeterRegistry()).write(batch(withoutMarker));
        try (RedisDump shared = new RedisDump(REDIS.host(), REDIS.port(), SHARED_DB);
             RedisDump reference = new RedisDump(REDIS.host(), REDIS.port(), REFERENCE_DB)) {
            assertThat(shared.redis().hvals("agentobs:offsets:" + GROUP)).containsExactly("300");
            assertThat(shared.dump()).isEqualTo(reference.dump());
        }
        assertThat(sharedMeters.get("agentobs.metrics.reaggregations").counter().count()).isZero();
    }

    private RedisWindowStore store(int database, SimpleMeterRegistry registry) throws Exception {
        RedisConnector redis = new RedisConnector(RedisConnector.uri(null, REDIS.host(), REDIS.port(), null, database,
                Duration.ofSeconds(5)), Duration.ofSeconds(5));
        connectors.add(redis);
        Windows windows = Windows.of(Duration.ofSeconds(5), Duration.ofHours(2), Duration.ofDays(2), Duration.ofDays(8),
                Duration.ofDays(35), Duration.ofSeconds(60));
        KeyLayout keys = new KeyLayout("agentobs:");
        ApplyBatchScript script = new ApplyBatchScript(keys, GROUP, keys.windowPrefix(windows.fiveMinutes()),
                windows.fiveMinutes().ttl().toSeconds());
        KafkaClusterId clusterId = new KafkaClusterId(null, Duration.ofSeconds(1)) {
            @Override
            public String get() {
                return CLUSTER;
            }
        };
        return new RedisWindowStore(redis, script, new BatchAggregator(windows, keys), new PartitionPositions(),
                clusterId, new AggregatorMetrics(registry, List.of(ACTIONS.topic(), ROUTING.topic())),
                new LateEventLog(Duration.ofHours(1), Clock.systemUTC(), keys.late()));
    }

    /**
     * One event a second per partition, every seventh one 5 minutes older: late once the watermark has passed it by
     * more than the 60 s grace, so where a re-aggregation starts its watermark decides what is late.
     */
    private static List<ConsumedEvent> events(Topic topic, TopicPartition partition, int count, long seed) {
        TestTraffic traffic = new TestTraffic(seed, 40);
        List<ConsumedEvent> events = new ArrayList<>();
        for (int offset = 0; offset < count; offset++) {
            Instant time = START.plusSeconds(offset);
            if (offset % 7 == 6) {
                time = time.minusSeconds(300);
            }
            ObjectNode json = traffic.event(topic, time);
            byte[] value = SampleEvents.bytes(json);
            ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(partition.topic(), partition.partition(),
                    offset, SampleEvents.key(topic, json), value);
            try {
                ObjectNode validated = CODEC.decodeTree(topic, value);
                events.add(new ConsumedEvent(topic, validated, null, record));
            } catch (Exception e) {
                throw new IllegalStateException("test event is invalid", e);
            }
        }
        return events;
    }

    private static List<ConsumedEvent> slice(List<ConsumedEvent> events, int from, int to) {
        return events.subList(from, to);
    }

    @SafeVarargs
    private static EventBatch batch(List<ConsumedEvent>... partitions) {
        List<ConsumedEvent> events = new ArrayList<>();
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (List<ConsumedEvent> partition : partitions) {
            events.addAll(partition);
            ConsumedEvent last = partition.get(partition.size() - 1);
            next.put(new TopicPartition(last.record().topic(), last.partition()), last.offset() + 1);
        }
        return new EventBatch(events, next, rejected -> { });
    }
}
