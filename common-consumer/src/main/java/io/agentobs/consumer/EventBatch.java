package io.agentobs.consumer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.agentobs.consumer.dlq.DeadLetter;

import org.apache.kafka.common.TopicPartition;

/**
 * The valid events of one polled batch, handed to an {@link EventSink}, in partition order.
 *
 * <p>A sink that finds an event it can never store (a constraint violation of that one event) calls
 * {@link #reject(ConsumedEvent, String)}; the rejected event goes to its dead-letter topic and the rest of the batch
 * counts as written. Anything the sink throws is treated as transient: the whole batch is retried.
 *
 * <p>A sink that stores the consumer offsets with its data ({@link io.agentobs.consumer.offsets.SinkOffsets}) writes
 * {@link #nextOffsets()} in the same transaction, and calls {@link #publishRejections()} just before it commits: once
 * its stored offsets pass a rejected record, that record's dead letter must already be in Kafka.
 */
public final class EventBatch {

    private final List<ConsumedEvent> events;
    private final List<DeadLetter> invalidRecords;
    private final Map<TopicPartition, Long> nextOffsets;
    private final RejectionPublisher publisher;
    private final List<Rejection> rejections = new ArrayList<>();
    private int published;

    /** Wraps the valid events of a batch; offsets cover these events only and rejections are published afterwards. */
    public EventBatch(List<ConsumedEvent> events) {
        this(events, NextOffsets.of(events.stream().map(ConsumedEvent::record).toList()), rejected -> { }, List.of());
    }

    /**
     * Wraps the valid events of a polled batch.
     *
     * @param events the valid events
     * @param nextOffsets per partition, the offset after the last record polled, valid or not
     * @param publisher sends rejected events to their dead-letter topics and waits for the broker
     */
    public EventBatch(List<ConsumedEvent> events, Map<TopicPartition, Long> nextOffsets, RejectionPublisher publisher) {
        this(events, nextOffsets, publisher, List.of());
    }

    /**
     * Wraps a polled batch, with the records that failed decoding or validation.
     *
     * @param events the valid events
     * @param nextOffsets per partition, the offset after the last record polled, valid or not
     * @param publisher sends rejected events to their dead-letter topics and waits for the broker
     * @param invalidRecords the records of the batch that went to their dead-letter topic, with why
     */
    public EventBatch(List<ConsumedEvent> events, Map<TopicPartition, Long> nextOffsets, RejectionPublisher publisher,
                      List<DeadLetter> invalidRecords) {
        this.events = List.copyOf(events);
        this.invalidRecords = List.copyOf(invalidRecords);
        this.nextOffsets = Map.copyOf(nextOffsets);
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /** The events, in the order they were read within each partition. */
    public List<ConsumedEvent> events() {
        return events;
    }

    /**
     * The records of the batch that could not be decoded or validated, already on their way to the dead-letter
     * topic. Only sinks that {@linkplain EventSink#receivesInvalidRecords() ask for them} get any.
     */
    public List<DeadLetter> invalidRecords() {
        return invalidRecords;
    }

    /** Number of events in the batch. */
    public int size() {
        return events.size();
    }

    /**
     * Per partition of the polled batch, the offset of the next record to read: the position a consumer resumes from
     * once this batch is stored. Covers records that were dead-lettered too, so it is what a sink stores as its offset.
     */
    public Map<TopicPartition, Long> nextOffsets() {
        return nextOffsets;
    }

    /** Marks one event as bad data: it goes to the dead-letter topic with this reason instead of being stored. */
    public synchronized void reject(ConsumedEvent event, String reason) {
        Objects.requireNonNull(event, "event");
        rejections.add(new Rejection(event, reason == null ? "rejected by sink" : reason));
    }

    /** Events the sink rejected, in the order it rejected them. */
    public synchronized List<Rejection> rejections() {
        return Collections.unmodifiableList(new ArrayList<>(rejections));
    }

    /**
     * Publishes the dead letters of the rejections made so far and waits until the broker has them. Sinks that store
     * offsets call it just before committing; rejections not published this way are published after
     * {@link EventSink#write} returns.
     *
     * @throws Exception if the dead letters could not be stored (transient: the sink should roll back and rethrow)
     */
    public synchronized void publishRejections() throws Exception {
        if (published < rejections.size()) {
            publisher.publish(List.copyOf(rejections.subList(published, rejections.size())));
            published = rejections.size();
        }
    }

    /**
     * One event the sink refused as bad data.
     *
     * @param event the event
     * @param reason why, written to the dead letter's {@code x-error-message} header
     */
    public record Rejection(ConsumedEvent event, String reason) {
    }

    /** Sends rejected events to their dead-letter topics and returns once the broker has stored them. */
    @FunctionalInterface
    public interface RejectionPublisher {

        /** Publishes the dead letters of these rejections; throws if any could not be stored. */
        void publish(List<Rejection> rejections) throws Exception;
    }
}
