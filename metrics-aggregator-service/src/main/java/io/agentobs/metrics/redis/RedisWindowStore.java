package io.agentobs.metrics.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.consumer.ConsumedEvent;
import io.agentobs.consumer.EventBatch;
import io.agentobs.consumer.EventSink;
import io.agentobs.consumer.dlq.DeadLetter;
import io.agentobs.consumer.offsets.KafkaClusterId;
import io.agentobs.metrics.aggregate.BatchAggregator;
import io.agentobs.metrics.aggregate.KeyDelta;
import io.agentobs.metrics.aggregate.PartitionDeltas;
import io.agentobs.metrics.monitoring.AggregatorMetrics;
import io.agentobs.metrics.monitoring.LateEventLog;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates each batch per partition in Java and applies all of it with one Lua script call, which stores every
 * partition's next offset and watermark with the deltas of all partitions added up, atomically and all or nothing.
 * When a partition's stored offset is not the one its deltas start at (another instance applied some of these
 * records, or this one's view is stale), nothing is applied: that partition is aggregated again from the stored
 * offset and watermark (or dropped when Redis holds all of it) and the batch is sent again, so the result is exact.
 * Every Redis error propagates: the consumer retries the batch with backoff and readiness turns DOWN.
 */
public class RedisWindowStore implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(RedisWindowStore.class);
    /** Script calls per batch before giving up on it (it is then retried as a whole). */
    private static final int MAX_CALLS = 5;

    private final RedisConnector redis;
    private final ApplyBatchScript script;
    private final BatchAggregator aggregator;
    private final PartitionPositions positions;
    private final KafkaClusterId clusterId;
    private final AggregatorMetrics metrics;
    private final LateEventLog lateLog;

    public RedisWindowStore(RedisConnector redis, ApplyBatchScript script, BatchAggregator aggregator,
                            PartitionPositions positions, KafkaClusterId clusterId, AggregatorMetrics metrics,
                            LateEventLog lateLog) {
        this.redis = redis;
        this.script = script;
        this.aggregator = aggregator;
        this.positions = positions;
        this.clusterId = clusterId;
        this.metrics = metrics;
        this.lateLog = lateLog;
    }

    @Override
    public void write(EventBatch batch) throws Exception {
        String cluster = clusterId.get();
        Map<TopicPartition, PartitionRecords> partitions = partitions(batch);
        Map<TopicPartition, Start> pending = new LinkedHashMap<>();
        partitions.forEach((tp, records) -> {
            PartitionPositions.Position known = positions.get(tp);
            // The consumer reads on from the position it last stored or loaded: a first record beyond it means Kafka
            // skipped the offsets in between (transaction markers, aborted or deleted records), not that they are
            // missing, so the batch claims to start at that position.
            long claimed = known != null && known.nextOffset() <= records.firstOffset
                    ? known.nextOffset() : records.firstOffset;
            pending.put(tp, new Start(claimed, records.firstOffset, known == null ? null : known.watermark()));
        });
        Map<TopicPartition, PartitionDeltas> aggregated = new LinkedHashMap<>();
        for (int call = 1; !pending.isEmpty(); call++) {
            if (call > MAX_CALLS) {
                throw new IllegalStateException("partitions " + pending.keySet() + " still conflict after "
                        + MAX_CALLS + " script calls; retrying the batch");
            }
            pending.forEach((tp, start) -> aggregated.computeIfAbsent(tp, p -> aggregator.aggregate(tp,
                    start.claimedFirst, partitions.get(tp).nextOffset, start.watermark,
                    partitions.get(tp).eventsFrom(start.from))));
            List<PartitionDeltas> deltas = new ArrayList<>(aggregated.values());
            Map<String, KeyDelta> keys = PartitionDeltas.mergedKeys(deltas);
            long begin = System.nanoTime();
            List<BatchConflict> conflicts = script.apply(redis.commands(), cluster, deltas, keys);
            metrics.scriptCalled(System.nanoTime() - begin);
            if (conflicts.isEmpty()) {
                for (PartitionDeltas applied : deltas) {
                    positions.put(applied.partition(), applied.nextOffset(), applied.watermarkAfter());
                    applied.aggregated().forEach(metrics::aggregated);
                    applied.late().forEach(metrics::late);
                    lateLog.record(applied.late());
                }
                metrics.keysWritten(keys.values().stream().mapToInt(KeyDelta::redisKeys).sum());
                return;
            }
            // nothing was written: the refused partitions continue from where Redis is, the others are sent again
            int again = 0;
            for (BatchConflict conflict : conflicts) {
                PartitionDeltas refused = deltas.get(conflict.index());
                TopicPartition tp = refused.partition();
                aggregated.remove(tp);
                Start next = resume(refused, partitions.get(tp), conflict);
                if (next == null) {
                    pending.remove(tp);
                } else {
                    pending.put(tp, next);
                    again++;
                }
            }
            metrics.reaggregated(again);
        }
    }

    /** Where a refused partition continues from, or null when Redis already holds all of its records. */
    private Start resume(PartitionDeltas refused, PartitionRecords records, BatchConflict conflict) {
        TopicPartition tp = refused.partition();
        Long watermark = conflict.storedWatermark().isEmpty() ? null : Long.valueOf(conflict.storedWatermark());
        if (conflict.storedOffset().isEmpty()) {
            return new Start(records.firstOffset, records.firstOffset, watermark);
        }
        long stored = Long.parseLong(conflict.storedOffset());
        if (stored >= records.nextOffset) {
            log.info("Redis already holds {} up to offset {}; skipping records {}..{} of this batch", tp, stored,
                    records.firstOffset, records.nextOffset - 1);
            positions.put(tp, stored, watermark);
            return null;
        }
        if (stored >= records.firstOffset) {
            log.info("Redis already holds {} up to offset {}; aggregating this batch again from there", tp, stored);
            return new Start(stored, stored, watermark);
        }
        log.warn("Redis holds {} only up to offset {} but the batch starts at {}: records in between are no longer "
                + "in Kafka or were never read; continuing after the gap", tp, stored, records.firstOffset);
        return new Start(stored, records.firstOffset, watermark);
    }

    @Override
    public boolean bindsEvents() {
        // the aggregator reads the validated JSON
        return false;
    }

    @Override
    public boolean receivesInvalidRecords() {
        // the first offset of each partition must count dead-lettered records too, and their offsets must be stored
        return true;
    }

    @Override
    public void probe() {
        redis.commands().ping();
    }

    @Override
    public String sinkName() {
        return "redis";
    }

    private static Map<TopicPartition, PartitionRecords> partitions(EventBatch batch) {
        Map<TopicPartition, PartitionRecords> partitions = new LinkedHashMap<>();
        batch.nextOffsets().forEach((tp, next) -> partitions.put(tp, new PartitionRecords(next)));
        for (ConsumedEvent event : batch.events()) {
            PartitionRecords records = partitions.get(new TopicPartition(event.record().topic(), event.partition()));
            records.events.add(event);
            records.seen(event.offset());
        }
        for (DeadLetter letter : batch.invalidRecords()) {
            PartitionRecords records = partitions.get(new TopicPartition(letter.record().topic(), letter.record().partition()));
            if (records != null) {
                records.seen(letter.record().offset());
            }
        }
        partitions.values().removeIf(records -> records.firstOffset == Long.MAX_VALUE);
        return partitions;
    }

    /** Where one attempt of a partition starts: the offset claimed as stored, the first record used, the watermark. */
    private record Start(long claimedFirst, long from, Long watermark) {
    }

    /** The records of one partition in the batch. */
    private static final class PartitionRecords {
        private final List<ConsumedEvent> events = new ArrayList<>();
        private final long nextOffset;
        private long firstOffset = Long.MAX_VALUE;

        PartitionRecords(long nextOffset) {
            this.nextOffset = nextOffset;
        }

        void seen(long offset) {
            firstOffset = Math.min(firstOffset, offset);
        }

        List<ConsumedEvent> eventsFrom(long offset) {
            return offset <= firstOffset ? events : events.stream().filter(e -> e.offset() >= offset).toList();
        }
    }
}
