package io.agentobs.consumer.buffered;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits to Kafka the offsets a {@link BufferingSink} reports as durable, and only those that moved on since the
 * last commit of this consumer. Always called on the consumer's own thread.
 */
public class BufferedOffsetCommitter {

    private static final Logger log = LoggerFactory.getLogger(BufferedOffsetCommitter.class);

    private final BufferingSink sink;
    private final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();

    public BufferedOffsetCommitter(BufferingSink sink) {
        this.sink = sink;
    }

    /** Commits what the sink has stored since the last commit; a no-op when nothing moved. */
    public void commitDurable(Consumer<?, ?> consumer) {
        commit(consumer, sink.durableOffsets());
    }

    /** Commits these offsets where they are ahead of the last commit (synchronously: the sink already holds them). */
    public void commit(Consumer<?, ?> consumer, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> advanced = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            Long last = committed.get(partition);
            if (last == null || offset > last) {
                advanced.put(partition, new OffsetAndMetadata(offset));
            }
        });
        if (advanced.isEmpty()) {
            return;
        }
        consumer.commitSync(advanced);
        advanced.forEach((partition, offset) -> committed.merge(partition, offset.offset(), Math::max));
        log.debug("Committed offsets stored by {}: {}", sink.sinkName(), advanced);
    }

    /** Records where a newly assigned partition starts, so an unchanged position is not committed again. */
    public void assigned(Map<TopicPartition, Long> positions) {
        committed.putAll(positions);
    }

    /** Forgets partitions this consumer no longer owns. */
    public void forget(Iterable<TopicPartition> partitions) {
        partitions.forEach(committed::remove);
    }
}
