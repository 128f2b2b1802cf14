package io.agentobs.consumer.buffered;

import java.util.List;

import io.agentobs.consumer.BatchProcessor;
import io.agentobs.consumer.health.SinkHealth;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch path of a {@link BufferingSink}: the batch goes through the {@link BatchProcessor} (dead letters, retry
 * of the whole batch on failure), then what became due is stored and what is durable is committed.
 *
 * <p>A failure after the batch was accepted (storing due data, committing) is not thrown: the batch is in the sink
 * and must not be delivered again; the failure shows in readiness and the sink's next write reports it, which
 * retries that batch with backoff until the sink stores again.
 */
public class BufferedBatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(BufferedBatchProcessor.class);

    private final BatchProcessor processor;
    private final BufferingSink sink;
    private final BufferedOffsetCommitter committer;
    private final SinkHealth sinkHealth;

    public BufferedBatchProcessor(BatchProcessor processor, BufferingSink sink, BufferedOffsetCommitter committer,
                                  SinkHealth sinkHealth) {
        this.processor = processor;
        this.sink = sink;
        this.committer = committer;
        this.sinkHealth = sinkHealth;
    }

    /**
     * Processes one batch; call it from the batch {@code @KafkaListener}, which receives the {@link Consumer}.
     *
     * @throws Exception whatever the sink threw for this batch: it is retried, not committed
     */
    public void process(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) throws Exception {
        processor.process(records, sink);
        try {
            sink.flushDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (Exception e) {
            sinkHealth.writeFailed(e);
            log.warn("{} could not store due data yet: {}", sink.sinkName(), e.toString());
        }
        try {
            committer.commitDurable(consumer);
        } catch (KafkaException e) {
            // A rebalance or a broker hiccup: the offsets are committed with the next batch or on revocation.
            log.warn("Could not commit the offsets {} stored: {}", sink.sinkName(), e.toString());
        }
    }
}
