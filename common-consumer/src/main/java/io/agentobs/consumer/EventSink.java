package io.agentobs.consumer;

/**
 * Where a service stores its events (PostgreSQL, Redis, S3, notifications…).
 *
 * <p>Lifecycle: {@link #write(EventBatch)} is called once per polled batch, on the consumer thread, with the batch's
 * valid events only; offsets are committed after it returns. It must be idempotent on {@code event_id}, because a
 * batch is delivered again after a failure or a crash before commit. Throwing means "transient, try again": the same
 * batch is retried with exponential backoff until it succeeds, never skipped. Bad data is reported per event with
 * {@link EventBatch#reject}. {@link #probe()} is called in the background to tell readiness whether the sink can be
 * reached while no events flow.
 */
public interface EventSink {

    /** Stores the batch; throws if the sink could not (the batch will be retried). */
    void write(EventBatch batch) throws Exception;

    /** Checks the sink can be reached; throws if not. The default does nothing. */
    default void probe() throws Exception {
    }

    /**
     * Whether {@link #write} is called for batches whose records all went to the dead-letter topic, with
     * {@link EventBatch#invalidRecords()} filled (an archive keeps every record). The default is no.
     */
    default boolean receivesInvalidRecords() {
        return false;
    }

    /**
     * Whether the sink reads {@link ConsumedEvent#event()}, the event bound to its record type. A sink that needs
     * only the validated JSON ({@link ConsumedEvent#json()}) returns false and saves the binding, about 40 % of
     * decoding an event; validation, and so what goes to the dead-letter topic, is the same either way. The default
     * is yes.
     */
    default boolean bindsEvents() {
        return true;
    }

    /** Name of the sink for health output and logs. */
    default String sinkName() {
        return getClass().getSimpleName();
    }
}
