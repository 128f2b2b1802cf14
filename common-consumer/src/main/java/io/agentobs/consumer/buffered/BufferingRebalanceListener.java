package io.agentobs.consumer.buffered;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Tells a {@link BufferingSink} which partitions it owns: their positions on assignment, a hand-over on
 * revocation (what the sink stored for them is committed before the next owner starts), and losses.
 */
public class BufferingRebalanceListener implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(BufferingRebalanceListener.class);

    private final BufferingSink sink;
    private final BufferedOffsetCommitter committer;

    public BufferingRebalanceListener(BufferingSink sink, BufferedOffsetCommitter committer) {
        this.sink = sink;
        this.committer = committer;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> positions = new LinkedHashMap<>();
        partitions.forEach(partition -> positions.put(partition, consumer.position(partition)));
        committer.assigned(positions);
        sink.partitionsAssigned(positions);
        log.info("{} starts {} partitions at {}", sink.sinkName(), positions.size(), positions);
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> durable = sink.partitionsRevoked(partitions);
        try {
            committer.commit(consumer, durable);
        } catch (RuntimeException e) {
            // The next owner reads again from the last commit; the sink's create-only writes make that harmless.
            log.warn("Could not commit the offsets stored for revoked partitions {}: {}", partitions, e.toString());
        } finally {
            committer.forget(partitions);
        }
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        sink.partitionsLost(partitions);
        committer.forget(partitions);
    }
}
