package io.agentobs.consumer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Computes, per partition of a polled batch, the offset after its last record. */
final class NextOffsets {

    private NextOffsets() {
    }

    /** Offset after the highest offset seen in each partition. */
    static Map<TopicPartition, Long> of(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        return next;
    }
}
