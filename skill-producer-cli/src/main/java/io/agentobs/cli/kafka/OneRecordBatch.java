package io.agentobs.cli.kafka;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * A Kafka record batch (message format v2) holding one record, byte for byte what kafka-clients'
 * {@code MemoryRecords.withRecords(Compression.NONE, new SimpleRecord(timestamp, key, value))} writes for a producer
 * without idempotence: create-time timestamp, no compression, no headers, no producer id. Written here because the
 * client's record builder initialises its general utility class (regular expressions, number formats, the logging
 * back end) on first use, which costs a one-record process more than the encoding itself.
 */
final class OneRecordBatch {

    /** Batch header bytes before the first record (DefaultRecordBatch.RECORD_BATCH_OVERHEAD). */
    private static final int BATCH_OVERHEAD = 61;
    /** Most bytes a record's fixed fields and length prefix take (DefaultRecord.MAX_RECORD_OVERHEAD). */
    private static final int MAX_RECORD_OVERHEAD = 21;
    /** Where the checksummed part starts: after base offset, length, leader epoch, magic and the CRC itself. */
    private static final int ATTRIBUTES_OFFSET = 21;
    private static final byte MAGIC_V2 = 2;

    private OneRecordBatch() {
    }

    /**
     * The producer's size estimate of the record ({@code AbstractRecords.estimateSizeInBytesUpperBound} for format
     * v2 without compression or headers), which it checks against max.request.size.
     */
    static int estimatedSize(byte[] key, byte[] value) {
        return BATCH_OVERHEAD + MAX_RECORD_OVERHEAD + sizeOfBytes(key) + sizeOfBytes(value) + 1;
    }

    /** The batch, ready to send: base offset 0, as producers write it (the broker assigns offsets). */
    static ByteBuffer of(long timestamp, byte[] key, byte[] value) {
        int bodySize = 1 + 1 + 1 + sizeOfBytes(key) + sizeOfBytes(value) + 1;
        int size = BATCH_OVERHEAD + sizeOfVarint(bodySize) + bodySize;
        ByteBuffer batch = ByteBuffer.allocate(size);
        batch.putLong(0L);                   // base offset
        batch.putInt(size - 12);             // length of what follows
        batch.putInt(-1);                    // partition leader epoch: set by the broker
        batch.put(MAGIC_V2);
        batch.putInt(0);                     // CRC, filled in below
        batch.putShort((short) 0);           // attributes: no compression, create time, not transactional
        batch.putInt(0);                     // last offset delta
        batch.putLong(timestamp);            // base timestamp
        batch.putLong(timestamp);            // max timestamp
        batch.putLong(-1L);                  // producer id: none
        batch.putShort((short) -1);          // producer epoch
        batch.putInt(-1);                    // base sequence
        batch.putInt(1);                     // record count
        putVarint(batch, bodySize);
        batch.put((byte) 0);                 // record attributes
        batch.put((byte) 0);                 // timestamp delta (varlong 0)
        batch.put((byte) 0);                 // offset delta (varint 0)
        putBytes(batch, key);
        putBytes(batch, value);
        batch.put((byte) 0);                 // header count
        CRC32C crc = new CRC32C();
        crc.update(batch.array(), ATTRIBUTES_OFFSET, size - ATTRIBUTES_OFFSET);
        batch.putInt(ATTRIBUTES_OFFSET - 4, (int) crc.getValue());
        batch.flip();
        return batch;
    }

    private static int sizeOfBytes(byte[] bytes) {
        return bytes == null ? 1 : sizeOfVarint(bytes.length) + bytes.length;
    }

    private static void putBytes(ByteBuffer buffer, byte[] bytes) {
        if (bytes == null) {
            putVarint(buffer, -1);
        } else {
            putVarint(buffer, bytes.length);
            buffer.put(bytes);
        }
    }

    /** Zig-zag varint, as the record format writes lengths. */
    private static void putVarint(ByteBuffer buffer, int value) {
        int zigzag = (value << 1) ^ (value >> 31);
        while ((zigzag & 0xffffff80) != 0) {
            buffer.put((byte) ((zigzag & 0x7f) | 0x80));
            zigzag >>>= 7;
        }
        buffer.put((byte) zigzag);
    }

    private static int sizeOfVarint(int value) {
        int zigzag = (value << 1) ^ (value >> 31);
        int bytes = 1;
        while ((zigzag & 0xffffff80) != 0) {
            bytes++;
            zigzag >>>= 7;
        }
        return bytes;
    }
}
