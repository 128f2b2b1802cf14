package io.agentobs.cli.redrive;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One dead letter read from a {@code <topic>-dlq} (SPEC §2 headers, as {@code DeadLetterPublisher} writes them) and
 * the record that sends it back: same key and value bytes, its own headers without the dead-letter ones, plus
 * {@code x-redriven-from}.
 *
 * @param record the dead letter as read
 */
record RedriveRecord(ConsumerRecord<byte[], byte[]> record) {

    static final String ORIGINAL_TOPIC = "x-original-topic";
    static final String ORIGINAL_PARTITION = "x-original-partition";
    static final String ORIGINAL_OFFSET = "x-original-offset";
    static final String ERROR_CLASS = "x-error-class";
    static final String ERROR_MESSAGE = "x-error-message";
    static final String FAILED_AT = "x-failed-at";
    static final String CONSUMER_GROUP = "x-consumer-group";
    static final String VALUE_OMITTED = "x-original-value-omitted";
    /** Set on every redriven record: {@code <dlq-topic>-<partition>@<offset>} of the dead letter it came from. */
    static final String REDRIVEN_FROM = "x-redriven-from";

    /**
     * Headers a redriven record must not carry: the dead-letter reasons (a consumer that fails it again writes fresh
     * ones) and an earlier {@code x-redriven-from}, replaced by this run's.
     */
    static final Set<String> DEAD_LETTER_HEADERS = Set.of(ORIGINAL_TOPIC, ORIGINAL_PARTITION, ORIGINAL_OFFSET,
            ERROR_CLASS, ERROR_MESSAGE, FAILED_AT, CONSUMER_GROUP, VALUE_OMITTED, REDRIVEN_FROM);

    /** {@code x-original-topic}, or null. */
    String originalTopic() {
        return header(ORIGINAL_TOPIC);
    }

    /** {@code x-error-class}, or null. */
    String errorClass() {
        return header(ERROR_CLASS);
    }

    /** {@code x-error-message}, or null. */
    String errorMessage() {
        return header(ERROR_MESSAGE);
    }

    /** {@code x-consumer-group}, or null. */
    String consumerGroup() {
        return header(CONSUMER_GROUP);
    }

    /** When the dead letter was written (its record timestamp). */
    Instant timestamp() {
        return Instant.ofEpochMilli(record.timestamp());
    }

    /** {@code agent-actions-dlq-2@17}: where this dead letter is. */
    String coordinates() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** {@code agent-actions-5@120}: where the original record was, as far as the headers say; null if they do not. */
    String originalCoordinates() {
        String topic = originalTopic();
        return topic == null ? null : topic + "-" + header(ORIGINAL_PARTITION) + "@" + header(ORIGINAL_OFFSET);
    }

    /**
     * Why this dead letter cannot be redriven, if it cannot.
     *
     * @param homeTopic the catalog topic of the dead-letter topic it was read from
     * @param targetOverride {@code --target-topic}, or null to send each dead letter to its original topic
     */
    Optional<SkipReason> skipReason(String homeTopic, String targetOverride) {
        String originalTopic = originalTopic();
        if (originalTopic == null || originalTopic.isBlank()) {
            return Optional.of(SkipReason.NO_ORIGINAL_TOPIC);
        }
        if (targetOverride == null && !originalTopic.equals(homeTopic)) {
            return Optional.of(SkipReason.OTHER_ORIGINAL_TOPIC);
        }
        if (record.headers().lastHeader(VALUE_OMITTED) != null) {
            return Optional.of(SkipReason.VALUE_OMITTED);
        }
        if (record.value() == null) {
            return Optional.of(SkipReason.NO_VALUE);
        }
        return Optional.empty();
    }

    /**
     * The record to publish to {@code targetTopic}: no partition (the default partitioner places a keyed record in its
     * key's partition again) and no timestamp (the event carries its own).
     */
    ProducerRecord<byte[], byte[]> toProducerRecord(String targetTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!DEAD_LETTER_HEADERS.contains(header.key())) {
                headers.add(header);
            }
        }
        headers.add(REDRIVEN_FROM, coordinates().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(targetTopic, null, null, record.key(), record.value(), headers);
    }

    private String header(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
