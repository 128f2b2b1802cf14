package io.agentobs.cli.kafka;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OneRecordBatch} and the direct path's partition choice against what kafka-clients computes. */
class OneRecordBatchTest {

    private static final long SEED = 0x5eed_0b5e_7a1cL;
    private static final int RECORDS = 5_000;
    /** Lengths where the zig-zag varint of a length grows by a byte, and their neighbours. */
    private static final int[] VARINT_EDGES = {0, 1, 62, 63, 64, 65, 8190, 8191, 8192, 8193};
    private static final int[] PARTITION_COUNTS = {1, 2, 3, 6, 7, 12, 13, 64, 100, 1_000, Integer.MAX_VALUE};

    /** One random record as the direct path gets it. */
    private record Sample(long timestamp, byte[] key, byte[] value) {

        String describe() {
            return "timestamp " + timestamp + ", key " + (key == null ? "null" : key.length + " bytes")
                    + ", value " + (value == null ? "null" : value.length + " bytes") + " (seed " + SEED + ")";
        }
    }

    @Test
    void batchBytesMatchKafkasRecordBuilder() {
        for (Sample sample : samples()) {
            ByteBuffer ours = OneRecordBatch.of(sample.timestamp(), sample.key(), sample.value());

            assertThat(bytes(ours)).as(sample.describe()).isEqualTo(bytes(kafkaBatch(sample)));
        }
    }

    @Test
    void batchBytesMatchWhatTheProducersAccumulatorBuilds() {
        for (Sample sample : samples()) {
            ByteBuffer ours = OneRecordBatch.of(sample.timestamp(), sample.key(), sample.value());

            assertThat(bytes(ours)).as(sample.describe()).isEqualTo(bytes(accumulatorBatch(sample)));
        }
    }

    @Test
    void varintLengthBoundariesOfAMegabyteValueMatchKafkasRecordBuilder() {
        for (int length : new int[] {1_048_575, 1_048_576, 1_048_577}) {
            Sample sample = new Sample(1_700_000_000_000L, "k".getBytes(StandardCharsets.UTF_8), new byte[length]);

            assertThat(bytes(OneRecordBatch.of(sample.timestamp(), sample.key(), sample.value())))
                    .as(sample.describe()).isEqualTo(bytes(kafkaBatch(sample)));
            assertThat(OneRecordBatch.estimatedSize(sample.key(), sample.value())).as(sample.describe())
                    .isEqualTo(kafkaEstimate(sample));
        }
    }

    @Test
    void batchIsAValidBatchHoldingTheRecord() {
        for (Sample sample : samples()) {
            MemoryRecords records = MemoryRecords.readableRecords(
                    OneRecordBatch.of(sample.timestamp(), sample.key(), sample.value()));

            List<RecordBatch> batches = new ArrayList<>();
            records.batches().forEach(batches::add);
            assertThat(batches).as(sample.describe()).hasSize(1);
            RecordBatch batch = batches.get(0);
            batch.ensureValid();
            assertThat(batch.magic()).isEqualTo(RecordBatch.MAGIC_VALUE_V2);
            assertThat(batch.compressionType()).isEqualTo(CompressionType.NONE);
            assertThat(batch.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
            assertThat(batch.maxTimestamp()).isEqualTo(sample.timestamp());
            assertThat(batch.hasProducerId()).isFalse();
            List<Record> inBatch = new ArrayList<>();
            batch.forEach(inBatch::add);
            assertThat(inBatch).hasSize(1);
            Record record = inBatch.get(0);
            assertThat(record.offset()).isZero();
            assertThat(record.timestamp()).isEqualTo(sample.timestamp());
            assertThat(record.key() == null ? null : bytes(record.key())).isEqualTo(sample.key());
            assertThat(record.value() == null ? null : bytes(record.value())).isEqualTo(sample.value());
            assertThat(record.headers()).isEmpty();
        }
    }

    @Test
    void sizeEstimateMatchesKafkasUpperBound() {
        for (Sample sample : samples()) {
            assertThat(OneRecordBatch.estimatedSize(sample.key(), sample.value())).as(sample.describe())
                    .isEqualTo(kafkaEstimate(sample));
        }
    }

    @Test
    void sizeEstimateIsNeverBelowTheBatchSize() {
        for (Sample sample : samples()) {
            assertThat(OneRecordBatch.estimatedSize(sample.key(), sample.value())).as(sample.describe())
                    .isGreaterThanOrEqualTo(OneRecordBatch.of(sample.timestamp(), sample.key(), sample.value())
                            .remaining());
        }
    }

    @Test
    void murmur2MatchesKafkasHashForEveryKey() {
        for (Sample sample : samples()) {
            if (sample.key() != null) {
                assertThat(DirectProducer.murmur2(sample.key())).as(sample.describe())
                        .isEqualTo(Utils.murmur2(sample.key()));
            }
        }
    }

    @Test
    void partitionMatchesKafkasDefaultPartitionerForEveryKey() {
        Random random = new Random(SEED);
        for (Sample sample : samples()) {
            if (sample.key() == null) {
                continue;
            }
            int randomCount = 1 + random.nextInt(500);
            for (int partitions : PARTITION_COUNTS) {
                assertPartition(sample, partitions);
            }
            assertPartition(sample, randomCount);
        }
    }

    private static void assertPartition(Sample sample, int partitions) {
        int ours = DirectProducer.partitionForKey(sample.key(), partitions);
        String what = sample.describe() + ", " + partitions + " partitions";
        assertThat(ours).as(what).isEqualTo(Utils.toPositive(Utils.murmur2(sample.key())) % partitions);
        assertThat(ours).as(what).isEqualTo(BuiltInPartitioner.partitionForKey(sample.key(), partitions));
        assertThat(ours).as(what).isBetween(0, partitions - 1);
    }

    /** What {@code MemoryRecords.withRecords} writes for a non-idempotent producer's one record. */
    private static ByteBuffer kafkaBatch(Sample sample) {
        return MemoryRecords.withRecords(RecordBatch.MAGIC_VALUE_V2, 0L, Compression.NONE,
                TimestampType.CREATE_TIME, RecordBatch.NO_PRODUCER_ID, RecordBatch.NO_PRODUCER_EPOCH,
                RecordBatch.NO_SEQUENCE, RecordBatch.NO_PARTITION_LEADER_EPOCH, false,
                new SimpleRecord(sample.timestamp(), sample.key(), sample.value())).buffer();
    }

    /** What the producer's record accumulator builds: a builder at base offset 0, one append, closed. */
    private static ByteBuffer accumulatorBatch(Sample sample) {
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(kafkaEstimate(sample)),
                RecordBatch.MAGIC_VALUE_V2, Compression.NONE, TimestampType.CREATE_TIME, 0L);
        builder.append(sample.timestamp(), sample.key(), sample.value(), Record.EMPTY_HEADERS);
        return builder.build().buffer();
    }

    private static int kafkaEstimate(Sample sample) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.MAGIC_VALUE_V2, CompressionType.NONE,
                sample.key(), sample.value(), Record.EMPTY_HEADERS);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    /** The same {@link #RECORDS} records on every call: edge lengths first, then random ones. */
    private static List<Sample> samples() {
        Random random = new Random(SEED);
        List<Sample> samples = new ArrayList<>();
        for (int keyLength : VARINT_EDGES) {
            for (int valueLength : VARINT_EDGES) {
                samples.add(new Sample(timestamp(random), randomBytes(random, keyLength),
                        randomBytes(random, valueLength)));
            }
        }
        for (int valueLength : VARINT_EDGES) {
            samples.add(new Sample(timestamp(random), null, randomBytes(random, valueLength)));
            samples.add(new Sample(timestamp(random), randomBytes(random, 36), null));
        }
        samples.add(new Sample(0L, null, null));
        samples.add(new Sample(Long.MAX_VALUE, new byte[0], new byte[0]));
        while (samples.size() < RECORDS) {
            samples.add(new Sample(timestamp(random), key(random), value(random)));
        }
        return samples;
    }

    private static long timestamp(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> 0L;
            case 1 -> 1_700_000_000_000L + random.nextInt(Integer.MAX_VALUE);
            case 2 -> random.nextLong() >>> 1;
            case 3 -> random.nextInt(128);
            default -> System.currentTimeMillis();
        };
    }

    private static byte[] key(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> new byte[0];
            case 2 -> asciiText(random, 1 + random.nextInt(80)).getBytes(StandardCharsets.UTF_8);
            case 3 -> unicodeText(random, 1 + random.nextInt(80)).getBytes(StandardCharsets.UTF_8);
            case 4 -> UUID.nameUUIDFromBytes(randomBytes(random, 16)).toString()
                    .getBytes(StandardCharsets.UTF_8);
            default -> randomBytes(random, random.nextInt(300));
        };
    }

    private static byte[] value(Random random) {
        int length = switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1, 2, 3, 4 -> random.nextInt(200);
            case 5, 6, 7 -> random.nextInt(4_000);
            case 8 -> random.nextInt(40_000);
            default -> random.nextInt(200_000);
        };
        return random.nextBoolean() ? randomBytes(random, length)
                : unicodeText(random, length / 2).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String asciiText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    /** Latin, accented, CJK, emoji (surrogate pairs) and control characters mixed. */
    private static String unicodeText(Random random, int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            int codePoint = switch (random.nextInt(5)) {
                case 0 -> 'a' + random.nextInt(26);
                case 1 -> 0xC0 + random.nextInt(0x100);
                case 2 -> 0x4E00 + random.nextInt(0x5000);
                case 3 -> 0x1F300 + random.nextInt(0x300);
                default -> random.nextInt(0x20);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
