package io.agentobs.consumer.app;

import java.util.List;

import io.agentobs.consumer.BatchProcessor;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The listener a service writes: one method, one call. */
@Component
public class TestListener {

    private final BatchProcessor processor;
    private final RecordingSink sink;

    public TestListener(BatchProcessor processor, RecordingSink sink) {
        this.processor = processor;
        this.sink = sink;
    }

    @KafkaListener(topics = "#{@agentobsTopics}")
    public void onBatch(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        processor.process(records, sink);
    }
}
