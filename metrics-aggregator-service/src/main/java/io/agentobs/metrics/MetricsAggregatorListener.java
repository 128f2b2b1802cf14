package io.agentobs.metrics;

import java.util.List;

import io.agentobs.consumer.BatchProcessor;
import io.agentobs.metrics.redis.RedisWindowStore;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The batch listener: every polled batch of the 8 topics goes to the Redis window store. */
@Component
public class MetricsAggregatorListener {

    private final BatchProcessor processor;
    private final RedisWindowStore store;

    public MetricsAggregatorListener(BatchProcessor processor, RedisWindowStore store) {
        this.processor = processor;
        this.store = store;
    }

    @KafkaListener(topics = "#{@agentobsTopics}")
    public void onBatch(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        processor.process(records, store);
    }
}
