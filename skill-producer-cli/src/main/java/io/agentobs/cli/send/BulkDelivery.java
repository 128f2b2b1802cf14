package io.agentobs.cli.send;

import io.agentobs.cli.spool.SpoolException;
import io.agentobs.cli.spool.SpooledEvent;
import org.apache.kafka.common.KafkaException;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams many events to Kafka asynchronously (the NDJSON and simulate paths). Once Kafka proves unreachable, the
 * rest of the stream goes straight to the spool instead of waiting out a timeout per event; events whose sends failed
 * in flight are spooled too. Used from one thread; the producer's callbacks only count and queue.
 */
public final class BulkDelivery {

    private static final int SPOOL_BATCH = 1_000;

    /**
     * Totals of a bulk run.
     *
     * @param sent events Kafka acknowledged
     * @param spooled events appended to the spool
     * @param failed events Kafka refused for good
     * @param firstFailure the first reason an event was spooled or failed, or null
     */
    public record Summary(long sent, long spooled, long failed, String firstFailure) {
    }

    private record Failure(OutgoingEvent event, Throwable cause) {
    }

    private final Delivery delivery;
    private final AtomicLong sent = new AtomicLong();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final List<SpooledEvent> toSpool = new ArrayList<>();
    private long spooled;
    private long failed;
    private volatile boolean unreachable;
    private volatile String firstFailure;

    public BulkDelivery(Delivery delivery) {
        this.delivery = delivery;
    }

    /** Events acknowledged so far (for progress). */
    public long sent() {
        return sent.get();
    }

    /** Events spooled or failed so far (for progress). */
    public long notSent() {
        return spooled + failed + toSpool.size() + failures.size();
    }

    /** Spools every event from now on: the spool could not be drained, so newer events must queue behind it. */
    public void spoolEverything() {
        unreachable = true;
    }

    /** Sends (or spools) one event; returns as soon as it is queued. */
    public void submit(OutgoingEvent event) throws SpoolException {
        handleFailures();
        if (unreachable) {
            spoolLater(event.toSpooled());
            return;
        }
        try {
            delivery.producer().send(event.topic(), event.key(), event.value(), (metadata, exception) -> {
                if (exception == null) {
                    sent.incrementAndGet();
                } else {
                    failures.add(new Failure(event, exception));
                }
            });
        } catch (KafkaException failure) {
            failures.add(new Failure(event, failure));
            handleFailures();
        }
    }

    /** Waits for every event in flight, spools what could not be sent, and totals the run. */
    public Summary finish() throws SpoolException {
        if (unreachable) {
            delivery.producer().abandon();
        } else {
            delivery.producer().flush();
        }
        handleFailures();
        flushSpool();
        return new Summary(sent.get(), spooled, failed, firstFailure);
    }

    private void handleFailures() throws SpoolException {
        Failure failure;
        while ((failure = failures.poll()) != null) {
            String reason = DeliveryFailures.describe(failure.cause());
            if (firstFailure == null) {
                firstFailure = reason;
            }
            if (DeliveryFailures.curedByRetryLater(failure.cause())) {
                unreachable = true;
                spoolLater(failure.event().toSpooled());
            } else {
                failed++;
            }
        }
    }

    private void spoolLater(SpooledEvent event) throws SpoolException {
        toSpool.add(event);
        if (toSpool.size() >= SPOOL_BATCH) {
            flushSpool();
        }
    }

    private void flushSpool() throws SpoolException {
        if (!toSpool.isEmpty()) {
            delivery.spool().append(toSpool);
            spooled += toSpool.size();
            toSpool.clear();
        }
    }
}
