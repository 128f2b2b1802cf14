package io.agentobs.auditlogger.archive;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.TopicPartition;

/**
 * What one assigned partition has in the archive and in memory. A new instance per assignment, so uploads still
 * running for an earlier owner of the partition can never change the state of the current one.
 *
 * <p>Consumer thread only: {@link #nextOffset}, {@link #nextFileStart}, {@link #open}. Upload lane only:
 * {@link #uploadStart}. Shared: {@link #durable} (written by the lane, read by the committer), {@link #pending}.
 */
final class PartitionArchive {

    final TopicPartition partition;
    /** The consumer thread the partition is assigned to: only it touches the consumer-side fields. */
    final Thread owner = Thread.currentThread();
    /** Next record offset accepted; lower ones were already taken (a retried batch) and are skipped. */
    long nextOffset;
    /** First offset the next opened file covers. */
    long nextFileStart;
    /** The file being filled, or null. */
    OpenFile open;
    /** Where the next uploaded object starts: moves on after each object, or past an object found already there. */
    long uploadStart;
    /** Every offset before this one is in S3. */
    volatile long durable;
    /** Set when the partition is revoked or lost: its queued uploads are dropped. */
    volatile boolean revoked;
    /** Closed files of this partition queued or being uploaded. */
    final AtomicInteger pending = new AtomicInteger();

    PartitionArchive(TopicPartition partition, long position) {
        this.partition = partition;
        this.nextOffset = position;
        this.nextFileStart = position;
        this.uploadStart = position;
        this.durable = position;
    }
}
