package io.agentobs.consumer.buffered;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agentobs.consumer.EventBatch;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BufferedOffsetCommitterTest {

    private static final TopicPartition P0 = new TopicPartition("agent-actions", 0);
    private static final TopicPartition P1 = new TopicPartition("agent-actions", 1);

    private final Map<TopicPartition, Long> durable = new HashMap<>();
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final BufferedOffsetCommitter committer = new BufferedOffsetCommitter(new FixedSink(durable));

    @Test
    void commitsOnlyWhatTheSinkReportsAsStored() {
        consumer.assign(List.of(P0, P1));
        committer.assigned(Map.of(P0, 10L, P1, 0L));
        durable.put(P0, 25L);
        durable.put(P1, 0L);

        committer.commitDurable(consumer);

        assertThat(consumer.committed(Set.of(P0, P1)))
                .containsEntry(P0, new OffsetAndMetadata(25L))
                .doesNotContainKey(P1);
    }

    @Test
    void anUnchangedOffsetIsNotCommittedAgain() {
        consumer.assign(List.of(P0));
        committer.assigned(Map.of(P0, 0L));
        durable.put(P0, 5L);
        committer.commitDurable(consumer);
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(3L)));

        committer.commitDurable(consumer);

        assertThat(consumer.committed(Set.of(P0))).containsEntry(P0, new OffsetAndMetadata(3L));
    }

    @Test
    void forgottenPartitionIsCommittedAgainWhenReassigned() {
        consumer.assign(List.of(P0));
        committer.assigned(Map.of(P0, 0L));
        durable.put(P0, 5L);
        committer.commitDurable(consumer);
        committer.forget(List.of(P0));
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(1L)));

        committer.commitDurable(consumer);

        assertThat(consumer.committed(Set.of(P0))).containsEntry(P0, new OffsetAndMetadata(5L));
    }

    /** A sink whose durable offsets the test sets. */
    private record FixedSink(Map<TopicPartition, Long> durable) implements BufferingSink {

        @Override
        public void write(EventBatch batch) {
        }

        @Override
        public void partitionsAssigned(Map<TopicPartition, Long> positions) {
        }

        @Override
        public boolean flushDue() {
            return false;
        }

        @Override
        public Map<TopicPartition, Long> durableOffsets() {
            return Map.copyOf(durable);
        }

        @Override
        public Map<TopicPartition, Long> partitionsRevoked(Collection<TopicPartition> partitions) {
            return Map.of();
        }

        @Override
        public void partitionsLost(Collection<TopicPartition> partitions) {
        }

        @Override
        public Duration flushCheckInterval() {
            return Duration.ofSeconds(1);
        }
    }
}
