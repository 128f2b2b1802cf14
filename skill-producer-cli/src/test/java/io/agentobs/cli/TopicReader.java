package io.agentobs.cli;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a topic from the beginning with a plain consumer (no group), as a downstream service would see it. */
public final class TopicReader {

    private TopicReader() {
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    /** Waits until {@code topic} holds at least {@code expected} records and returns all of them. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic, int expected,
            Duration timeout) {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", "false",
                "isolation.level", "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("topic " + topic + " does not exist");
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.values().stream().mapToLong(Long::longValue).sum() < expected
                    && System.nanoTime() < deadline) {
                end = consumer.endOffsets(partitions);
            }
            // Everything up to the end offsets: exactly what the topic holds, duplicates included.
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (!reachedEnd(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
