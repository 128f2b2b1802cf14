package io.agentobs.dbwriter;

import java.util.List;

import io.agentobs.consumer.BatchProcessor;
import io.agentobs.dbwriter.write.PostgresEventWriter;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The batch listener: every polled batch of the 8 topics goes to the PostgreSQL writer. */
@Component
public class DbWriterListener {

    private final BatchProcessor processor;
    private final PostgresEventWriter writer;

    public DbWriterListener(BatchProcessor processor, PostgresEventWriter writer) {
        this.processor = processor;
        this.writer = writer;
    }

    @KafkaListener(topics = "#{@agentobsTopics}")
    public void onBatch(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        processor.process(records, writer);
    }
}
