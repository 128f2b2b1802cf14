package io.agentobs.auditlogger.archive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.audit.archive.S3Archive;
import io.agentobs.auditlogger.metrics.AuditMetrics;
import io.agentobs.consumer.ConsumedEvent;
import io.agentobs.consumer.EventBatch;
import io.agentobs.consumer.buffered.BufferingSink;
import io.agentobs.consumer.dlq.DeadLetter;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit logger's sink: every record of every assigned partition, valid or dead-lettered, into one open file per
 * partition; closed files are uploaded as Parquet objects by the {@link ArchiveUploader}, and Kafka commits follow
 * the objects ({@link #durableOffsets()}).
 *
 * <p>Memory is bounded: records not yet in S3 (open files and uploads in flight) are kept under
 * {@code maxBufferedBytes}; above it the largest open files are closed early, and a batch waits for uploads, up to
 * {@code backpressureTimeout}, before it is retried with backoff. While an upload fails, batches are refused
 * (retried with backoff) so nothing more piles up; the upload itself is retried until S3 takes it.
 */
public class ParquetArchiveWriter implements BufferingSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParquetArchiveWriter.class);

    private final S3Archive archive;
    private final ArchiveUploader uploader;
    private final RollPolicy policy;
    private final Limits limits;
    private final AuditMetrics metrics;
    private final LongSupplier nanoTime;
    private final Map<TopicPartition, PartitionArchive> partitions = new ConcurrentHashMap<>();
    private final AtomicLong openBytes = new AtomicLong();

    /**
     * Timing and memory limits of the writer.
     *
     * @param maxBufferedBytes bytes of records not yet in S3, across partitions
     * @param backpressureTimeout longest a batch waits for memory before it is retried
     * @param revokeTimeout longest a hand-over waits for the partition's uploads
     * @param flushCheckInterval how often idle partitions are checked while nothing arrives
     */
    public record Limits(long maxBufferedBytes, Duration backpressureTimeout, Duration revokeTimeout,
                         Duration flushCheckInterval) {
    }

    ParquetArchiveWriter(S3Archive archive, ArchiveUploader uploader, RollPolicy policy, Limits limits,
                         AuditMetrics metrics, LongSupplier nanoTime) {
        this.archive = archive;
        this.uploader = uploader;
        this.policy = policy;
        this.limits = limits;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        metrics.gauges(() -> partitions.values().stream().filter(p -> p.open != null).count(), openBytes::get,
                uploader::inFlightBytes);
    }

    @Override
    public void write(EventBatch batch) throws Exception {
        Exception failing = uploader.failure();
        if (failing != null) {
            throw new ArchiveUnavailableException("S3 is not accepting archive objects: " + failing, failing);
        }
        makeRoom();
        long now = nanoTime.getAsLong();
        for (Map.Entry<TopicPartition, List<ArchivedRecord>> entry : byPartition(batch).entrySet()) {
            long first = entry.getValue().get(0).offset();
            PartitionArchive partition = partitions.computeIfAbsent(entry.getKey(), p -> unannounced(p, first));
            for (ArchivedRecord record : entry.getValue()) {
                append(partition, record, now);
            }
        }
    }

    @Override
    public boolean flushDue() {
        long now = nanoTime.getAsLong();
        boolean closed = false;
        for (PartitionArchive partition : partitions.values()) {
            if (partition.owner == Thread.currentThread() && partition.open != null
                    && policy.dueByTime(partition.open, now)) {
                close(partition);
                closed = true;
            }
        }
        return closed;
    }

    @Override
    public Map<TopicPartition, Long> durableOffsets() {
        Map<TopicPartition, Long> durable = new HashMap<>();
        partitions.forEach((partition, state) -> durable.put(partition, state.durable));
        return durable;
    }

    @Override
    public void partitionsAssigned(Map<TopicPartition, Long> positions) {
        positions.forEach((partition, position) -> {
            PartitionArchive previous = partitions.put(partition, new PartitionArchive(partition, position));
            if (previous != null) {
                forget(previous);
            }
        });
    }

    @Override
    public Map<TopicPartition, Long> partitionsRevoked(Collection<TopicPartition> revoked) {
        Map<TopicPartition, Long> durable = new LinkedHashMap<>();
        List<PartitionArchive> handedOver = new ArrayList<>();
        for (TopicPartition partition : revoked) {
            PartitionArchive state = partitions.get(partition);
            if (state != null) {
                if (state.open != null) {
                    close(state);
                }
                handedOver.add(state);
            }
        }
        long deadline = nanoTime.getAsLong() + limits.revokeTimeout().toNanos();
        for (PartitionArchive state : handedOver) {
            try {
                Duration left = Duration.ofNanos(Math.max(0, deadline - nanoTime.getAsLong()));
                if (!uploader.awaitPartition(state, left)) {
                    log.warn("{}: open files not uploaded within {}; its next owner archives them from offset {}",
                            state.partition, limits.revokeTimeout(), state.durable);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            durable.put(state.partition, state.durable);
            partitions.remove(state.partition, state);
            forget(state);
        }
        return durable;
    }

    @Override
    public void partitionsLost(Collection<TopicPartition> lost) {
        for (TopicPartition partition : lost) {
            PartitionArchive state = partitions.remove(partition);
            if (state != null) {
                forget(state);
            }
        }
    }

    /** The archive keeps the original bytes and reads only a few fields of the validated JSON. */
    @Override
    public boolean bindsEvents() {
        return false;
    }

    @Override
    public Duration flushCheckInterval() {
        return limits.flushCheckInterval();
    }

    @Override
    public void probe() {
        archive.probe();
    }

    @Override
    public String sinkName() {
        return "s3-archive";
    }

    @Override
    public void close() {
        uploader.close();
    }

    private void append(PartitionArchive partition, ArchivedRecord record, long now) {
        if (record.offset() < partition.nextOffset) {
            return; // taken by an earlier attempt of this batch
        }
        long size = ArchivedRecords.sizeOf(record);
        if (partition.open != null && policy.closesBefore(partition.open, record, size)) {
            close(partition);
        }
        if (partition.open == null) {
            partition.open = new OpenFile(partition.nextFileStart, record.timestampMs(), now);
        }
        partition.open.append(record, size, now);
        partition.nextOffset = record.offset() + 1;
        openBytes.addAndGet(size);
    }

    private void close(PartitionArchive partition) {
        ClosedFile file = partition.open.close();
        partition.open = null;
        partition.nextFileStart = file.endOffset();
        openBytes.addAndGet(-file.bytes());
        uploader.submit(partition, file);
    }

    /** Keeps records not yet in S3 under the budget: closes the largest open files, then waits for uploads. */
    private void makeRoom() throws Exception {
        long max = limits.maxBufferedBytes();
        if (openBytes.get() + uploader.inFlightBytes() <= max) {
            return;
        }
        List<PartitionArchive> largest = partitions.values().stream()
                .filter(p -> p.owner == Thread.currentThread() && p.open != null)
                .sorted(Comparator.comparingLong((PartitionArchive p) -> p.open.bytes()).reversed())
                .toList();
        for (PartitionArchive partition : largest) {
            if (openBytes.get() <= max / 4) {
                break;
            }
            close(partition);
            metrics.closedEarly(partition.partition.topic());
        }
        if (!uploader.awaitInFlightAtMost(max - openBytes.get(), limits.backpressureTimeout())) {
            Exception failing = uploader.failure();
            throw new ArchiveUnavailableException("Uploads did not free memory within " + limits.backpressureTimeout()
                    + (failing == null ? "" : ": " + failing), failing);
        }
    }

    private void forget(PartitionArchive state) {
        if (state.open != null) {
            openBytes.addAndGet(-state.open.bytes());
            state.open = null;
        }
        uploader.cancel(state);
    }

    /** A partition whose assignment was not announced (should not happen): starts where its first record is. */
    private static PartitionArchive unannounced(TopicPartition partition, long firstOffset) {
        log.warn("Records of {} arrived without an assignment; archiving them from offset {}", partition, firstOffset);
        return new PartitionArchive(partition, firstOffset);
    }

    /** The batch's records, valid and dead-lettered, per partition in offset order. */
    private static Map<TopicPartition, List<ArchivedRecord>> byPartition(EventBatch batch) {
        Map<TopicPartition, List<ArchivedRecord>> records = new LinkedHashMap<>();
        for (ConsumedEvent event : batch.events()) {
            records.computeIfAbsent(new TopicPartition(event.record().topic(), event.partition()), p -> new ArrayList<>())
                    .add(ArchivedRecords.of(event));
        }
        if (!batch.invalidRecords().isEmpty()) {
            for (DeadLetter letter : batch.invalidRecords()) {
                records.computeIfAbsent(new TopicPartition(letter.record().topic(), letter.record().partition()),
                        p -> new ArrayList<>()).add(ArchivedRecords.of(letter));
            }
            records.values().forEach(list -> list.sort(Comparator.comparingLong(ArchivedRecord::offset)));
        }
        return records;
    }
}
