package io.agentobs.cli.replay;

import io.agentobs.audit.archive.ArchivedHeader;
import io.agentobs.audit.archive.ArchivedRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Turns an archived record back into the Kafka record it was: same key, value, headers, partition and timestamp. */
final class ReplayRecords {

    private static final String NO_TIMESTAMP_TYPE = "NoTimestampType";

    private ReplayRecords() {
    }

    /**
     * The record for {@code targetTopic}: the archived key and value bytes and headers (in order, duplicates and null
     * values kept), to the archived partition number, with the archived Kafka timestamp (none when the record had
     * none, and the producer stamps it).
     */
    static ProducerRecord<byte[], byte[]> toProducerRecord(ArchivedRecord record, String targetTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (ArchivedHeader header : record.headers()) {
            headers.add(header.key(), header.value());
        }
        Long timestamp = NO_TIMESTAMP_TYPE.equals(record.timestampType()) || record.timestampMs() < 0
                ? null : record.timestampMs();
        return new ProducerRecord<>(targetTopic, record.partition(), timestamp, record.key(), record.value(), headers);
    }
}
