package io.agentobs.bench.consumer;

import java.util.List;

import io.agentobs.consumer.BatchProcessor;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The listener a service writes: hands each polled batch to the {@link BatchProcessor}. */
@Component
public class BenchListener {

    private final BatchProcessor processor;
    private final CountingSink sink;

    public BenchListener(BatchProcessor processor, CountingSink sink) {
        this.processor = processor;
        this.sink = sink;
    }

    @KafkaListener(topics = "#{@agentobsTopics}")
    public void onBatch(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        processor.process(records, sink);
    }
}
