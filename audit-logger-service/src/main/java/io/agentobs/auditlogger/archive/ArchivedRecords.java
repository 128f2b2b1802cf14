package io.agentobs.auditlogger.archive;

import java.util.ArrayList;
import java.util.List;

import io.agentobs.audit.archive.ArchivedHeader;
import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.audit.archive.EnvelopeColumns;
import io.agentobs.consumer.ConsumedEvent;
import io.agentobs.consumer.dlq.DeadLetter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Turns consumed records into archive rows: the Kafka record untouched plus the envelope columns. */
final class ArchivedRecords {

    /** Fixed cost counted per record on top of its bytes (object headers, references, offsets). */
    private static final int RECORD_OVERHEAD_BYTES = 160;

    private ArchivedRecords() {
    }

    /** A valid event: the record and its envelope. */
    static ArchivedRecord of(ConsumedEvent consumed) {
        EnvelopeColumns envelope = EnvelopeColumns.of(consumed.topic(), consumed.json());
        return of(consumed.record(), envelope.eventId(), envelope.correlationId(), envelope.eventTimeMicros(),
                envelope.agent(), envelope.eventType(), null);
    }

    /** A record that went to the dead-letter topic: the record and why, no envelope. */
    static ArchivedRecord of(DeadLetter letter) {
        return of(letter.record(), null, null, null, null, null, letter.errorClass() + ": " + letter.errorMessage());
    }

    /** Memory a buffered record takes, as counted against the budget. */
    static long sizeOf(ArchivedRecord record) {
        long size = RECORD_OVERHEAD_BYTES + length(record.key()) + length(record.value());
        for (ArchivedHeader header : record.headers()) {
            size += 48 + header.key().length() + length(header.value());
        }
        return size;
    }

    private static ArchivedRecord of(ConsumerRecord<byte[], byte[]> record, String eventId, String correlationId,
                                     Long eventTimeMicros, String agent, String eventType, String deadLetter) {
        return new ArchivedRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType().name, record.key(), record.value(), headers(record), eventId, correlationId,
                eventTimeMicros, agent, eventType, deadLetter);
    }

    private static List<ArchivedHeader> headers(ConsumerRecord<byte[], byte[]> record) {
        Header[] headers = record.headers().toArray();
        if (headers.length == 0) {
            return List.of();
        }
        List<ArchivedHeader> archived = new ArrayList<>(headers.length);
        for (Header header : headers) {
            archived.add(new ArchivedHeader(header.key(), header.value()));
        }
        return archived;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
