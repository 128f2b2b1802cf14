package io.agentobs.consumer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The valid events of one polled batch, handed to an {@link EventSink}, in partition order.
 *
 * <p>A sink that finds an event it can never store (a constraint violation of that one event) calls
 * {@link #reject(ConsumedEvent, String)}; the rejected event goes to its dead-letter topic and the rest of the batch
 * counts as written. Anything the sink throws is treated as transient: the whole batch is retried.
 */
public final class EventBatch {

    private final List<ConsumedEvent> events;
    private final List<Rejection> rejections = new ArrayList<>();

    /** Wraps the valid events of a batch. */
    public EventBatch(List<ConsumedEvent> events) {
        this.events = List.copyOf(events);
    }

    /** The events, in the order they were read within each partition. */
    public List<ConsumedEvent> events() {
        return events;
    }

    /** Number of events in the batch. */
    public int size() {
        return events.size();
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
     * One event the sink refused as bad data.
     *
     * @param event the event
     * @param reason why, written to the dead letter's {@code x-error-message} header
     */
    public record Rejection(ConsumedEvent event, String reason) {
    }
}
