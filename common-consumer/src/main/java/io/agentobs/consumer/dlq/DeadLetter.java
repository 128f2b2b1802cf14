package io.agentobs.consumer.dlq;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record that cannot be stored and must go to its dead-letter topic, with the reason.
 *
 * @param record the original record (key, value bytes and headers are kept as they are)
 * @param errorClass short machine-readable kind of error, e.g. {@code MALFORMED_JSON} or {@code SCHEMA_INVALID}
 * @param errorMessage human-readable reason naming the bad field(s)
 */
public record DeadLetter(ConsumerRecord<byte[], byte[]> record, String errorClass, String errorMessage) {

    /** {@code <topic>-dlq}, SPEC §2. */
    public String deadLetterTopic() {
        return DeadLetterTopics.of(record.topic());
    }

    /** {@code topic-partition@offset}, for logs. */
    public String coordinates() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
