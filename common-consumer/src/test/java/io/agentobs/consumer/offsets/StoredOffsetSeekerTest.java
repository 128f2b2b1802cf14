package io.agentobs.consumer.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeking newly assigned partitions to the offsets a sink stored, with Kafka's own mock consumer. */
class StoredOffsetSeekerTest {

    private static final TopicPartition P0 = new TopicPartition("agent-actions", 0);
    private static final TopicPartition P1 = new TopicPartition("agent-actions", 1);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    private final KafkaClusterId clusterId = new KafkaClusterId(null, Duration.ZERO) {
        @Override
        public String get() {
            return "cluster-a";
        }
    };

    @BeforeEach
    void assign() {
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 100L, P1, 100L));
        consumer.seek(P0, 10);
        consumer.seek(P1, 10);
    }

    @Test
    void assignedPartitionsResumeFromTheStoredOffsets() {
        SinkOffsets stored = (cluster, partitions) -> "cluster-a".equals(cluster) ? Map.of(P0, 42L) : Map.of();
        new StoredOffsetSeeker(stored, clusterId).onPartitionsAssigned(consumer, List.of(P0, P1));

        assertThat(consumer.position(P0)).isEqualTo(42);
        assertThat(consumer.position(P1)).isEqualTo(10);
    }

    @Test
    void storedOffsetBeyondThePartitionEndIsIgnored() {
        SinkOffsets stored = (cluster, partitions) -> Map.of(P0, 500L, P1, 60L);
        new StoredOffsetSeeker(stored, clusterId).onPartitionsAssigned(consumer, List.of(P0, P1));

        assertThat(consumer.position(P0)).isEqualTo(10);
        assertThat(consumer.position(P1)).isEqualTo(60);
    }

    @Test
    void unreadableSinkLeavesTheCommittedOffsetsWithoutWaiting() {
        AtomicInteger calls = new AtomicInteger();
        SinkOffsets down = (cluster, partitions) -> {
            calls.incrementAndGet();
            throw new ConnectException("database down");
        };
        new StoredOffsetSeeker(down, clusterId).onPartitionsAssigned(consumer, List.of(P0, P1));

        assertThat(calls).hasValue(1);
        assertThat(consumer.position(P0)).isEqualTo(10);
        assertThat(consumer.position(P1)).isEqualTo(10);
    }
}
