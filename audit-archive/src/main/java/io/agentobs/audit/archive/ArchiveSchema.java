package io.agentobs.audit.archive;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** The Avro schema of an archive row (format version 1), defined once, and the conversions to and from it. */
final class ArchiveSchema {

    static final String NAMESPACE = "io.agentobs.audit";

    static final Schema HEADER = SchemaBuilder.record("Header").namespace(NAMESPACE)
            .doc("A Kafka record header, in record order; duplicate names are kept.")
            .fields()
            .requiredString("key")
            .name("value").type(nullable(Schema.create(Schema.Type.BYTES))).withDefault(null)
            .endRecord();

    static final Schema RECORD = SchemaBuilder.record("ArchivedRecord").namespace(NAMESPACE)
            .doc("One Kafka record of the agentobs audit archive, format version 1.")
            .fields()
            .requiredString("topic")
            .requiredInt("partition")
            .requiredLong("offset")
            .name("timestamp").doc("Kafka record timestamp")
                .type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
            .name("timestamp_type").doc("CreateTime, LogAppendTime or NoTimestampType").type().stringType().noDefault()
            .name("key").doc("record key bytes, untouched")
                .type(nullable(Schema.create(Schema.Type.BYTES))).withDefault(null)
            .name("value").doc("record value bytes, untouched")
                .type(nullable(Schema.create(Schema.Type.BYTES))).withDefault(null)
            .name("headers").type().array().items(HEADER).noDefault()
            .optionalString("event_id")
            .optionalString("correlation_id")
            .name("event_time").doc("envelope timestamp")
                .type(nullable(LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG))))
                .withDefault(null)
            .optionalString("agent")
            .optionalString("event_type")
            .name("dead_letter").doc("<ERROR_CLASS>: <message> when the record went to the dead-letter topic")
                .type(nullable(Schema.create(Schema.Type.STRING))).withDefault(null)
            .endRecord();

    private static final int TOPIC = RECORD.getField("topic").pos();
    private static final int PARTITION = RECORD.getField("partition").pos();
    private static final int OFFSET = RECORD.getField("offset").pos();
    private static final int TIMESTAMP = RECORD.getField("timestamp").pos();
    private static final int TIMESTAMP_TYPE = RECORD.getField("timestamp_type").pos();
    private static final int KEY = RECORD.getField("key").pos();
    private static final int VALUE = RECORD.getField("value").pos();
    private static final int HEADERS = RECORD.getField("headers").pos();
    private static final int EVENT_ID = RECORD.getField("event_id").pos();
    private static final int CORRELATION_ID = RECORD.getField("correlation_id").pos();
    private static final int EVENT_TIME = RECORD.getField("event_time").pos();
    private static final int AGENT = RECORD.getField("agent").pos();
    private static final int EVENT_TYPE = RECORD.getField("event_type").pos();
    private static final int DEAD_LETTER = RECORD.getField("dead_letter").pos();
    private static final Schema HEADERS_ARRAY = RECORD.getField("headers").schema();

    private ArchiveSchema() {
    }

    private static Schema nullable(Schema schema) {
        return Schema.createUnion(Schema.create(Schema.Type.NULL), schema);
    }

    static GenericRecord toAvro(ArchivedRecord record) {
        GenericData.Record row = new GenericData.Record(RECORD);
        row.put(TOPIC, record.topic());
        row.put(PARTITION, record.partition());
        row.put(OFFSET, record.offset());
        row.put(TIMESTAMP, record.timestampMs());
        row.put(TIMESTAMP_TYPE, record.timestampType());
        row.put(KEY, wrap(record.key()));
        row.put(VALUE, wrap(record.value()));
        List<ArchivedHeader> headers = record.headers();
        GenericData.Array<GenericRecord> array = new GenericData.Array<>(headers.size(), HEADERS_ARRAY);
        for (ArchivedHeader header : headers) {
            GenericData.Record avroHeader = new GenericData.Record(HEADER);
            avroHeader.put(0, header.key());
            avroHeader.put(1, wrap(header.value()));
            array.add(avroHeader);
        }
        row.put(HEADERS, array);
        row.put(EVENT_ID, record.eventId());
        row.put(CORRELATION_ID, record.correlationId());
        row.put(EVENT_TIME, record.eventTimeMicros());
        row.put(AGENT, record.agent());
        row.put(EVENT_TYPE, record.eventType());
        row.put(DEAD_LETTER, record.deadLetter());
        return row;
    }

    /** {@code row} must have been read with {@link #RECORD} as the read schema, so positions match. */
    static ArchivedRecord fromAvro(GenericRecord row) {
        List<?> avroHeaders = (List<?>) row.get(HEADERS);
        List<ArchivedHeader> headers = new ArrayList<>(avroHeaders.size());
        for (Object element : avroHeaders) {
            GenericRecord header = (GenericRecord) element;
            headers.add(new ArchivedHeader(string(header.get(0)), bytes(header.get(1))));
        }
        return new ArchivedRecord(
                string(row.get(TOPIC)),
                (Integer) row.get(PARTITION),
                (Long) row.get(OFFSET),
                (Long) row.get(TIMESTAMP),
                string(row.get(TIMESTAMP_TYPE)),
                bytes(row.get(KEY)),
                bytes(row.get(VALUE)),
                headers,
                string(row.get(EVENT_ID)),
                string(row.get(CORRELATION_ID)),
                (Long) row.get(EVENT_TIME),
                string(row.get(AGENT)),
                string(row.get(EVENT_TYPE)),
                string(row.get(DEAD_LETTER)));
    }

    private static ByteBuffer wrap(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
