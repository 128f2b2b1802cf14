package io.agentobs.auditlogger;

import java.util.List;

import io.agentobs.consumer.buffered.BufferedBatchProcessor;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The batch listener: every polled record of the 8 topics goes into the archive's open files. */
@Component
public class AuditLoggerListener {

    private final BufferedBatchProcessor processor;

    public AuditLoggerListener(BufferedBatchProcessor processor) {
        this.processor = processor;
    }

    @KafkaListener(topics = "#{@agentobsTopics}")
    public void onBatch(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) throws Exception {
        processor.process(records, consumer);
    }
}
