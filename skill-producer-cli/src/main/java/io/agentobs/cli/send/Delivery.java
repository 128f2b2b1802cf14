package io.agentobs.cli.send;

import io.agentobs.cli.kafka.EventProducer;
import io.agentobs.cli.kafka.ProducerSettings;
import io.agentobs.cli.spool.DrainResult;
import io.agentobs.cli.spool.Spool;
import io.agentobs.cli.spool.SpoolException;
import io.agentobs.cli.spool.SpooledEvent;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gets events to Kafka without losing any: the spool is drained first (oldest events first), then the new events
 * are sent; when Kafka cannot take them within the timeout they are appended to the spool instead. Events Kafka
 * refuses for good are reported as failed (new events) or kept in {@code rejected.ndjson} (spooled ones).
 */
public final class Delivery implements AutoCloseable {

    private final EventProducer producer;
    private final Spool spool;
    private final RejectedLog rejected;
    private final RetryMarker retryMarker;
    private final Clock clock;

    public Delivery(EventProducer producer, Spool spool, Clock clock) {
        this.producer = producer;
        this.spool = spool;
        this.rejected = new RejectedLog(spool.directory());
        this.retryMarker = new RetryMarker(spool.directory());
        this.clock = clock;
    }

    public ProducerSettings settings() {
        return producer.settings();
    }

    public Spool spool() {
        return spool;
    }

    EventProducer producer() {
        return producer;
    }

    Clock clock() {
        return clock;
    }

    /** Sends whatever waits in the spool, in order; a no-op costing one file check when it is empty. */
    public DrainResult drainSpool() throws SpoolException {
        if (spool.isEmpty()) {
            return new DrainResult(0, 0, 0, null);
        }
        DrainResult result = spool.drain(this::sendChunk);
        if (result.complete()) {
            retryMarker.clear();
        } else {
            producer.abandon();
            retryMarker.set(clock.millis() + settings().spoolRetryInterval().toMillis());
        }
        return result;
    }

    /** Publishes one event after the spool, waiting for Kafka's acknowledgement or spooling it. */
    public SendOutcome deliverOne(OutgoingEvent event) throws SpoolException {
        long start = clock.millis();
        if (!settings().enabled()) {
            return new SendOutcome(SendOutcome.Status.SKIPPED, -1, -1, 0, 0, null);
        }
        if (!spool.isEmpty() && retryMarker.retryAfter() > start) {
            // Kafka was unreachable moments ago: queue behind the spooled events without waiting for it again, so
            // that during an outage only one invocation per retry interval pays the timeout.
            return spoolOne(event, start, 0, "Kafka was unreachable within the last "
                    + settings().spoolRetryInterval().toMillis() + " ms (AGENTOBS_SPOOL_RETRY_MS); queued behind the "
                    + "spooled events");
        }
        DrainResult drained = drainSpool();
        if (!drained.complete()) {
            return spoolOne(event, start, drained.sent(),
                    "spooled events could not be sent: " + DeliveryFailures.describe(drained.failure()));
        }
        try {
            Future<RecordMetadata> ack = producer.sendOne(event.topic(), event.key(), event.value());
            RecordMetadata metadata = ack.get(remainingMillis(start), TimeUnit.MILLISECONDS);
            return new SendOutcome(SendOutcome.Status.SENT, metadata.partition(), metadata.offset(),
                    clock.millis() - start, drained.sent(), null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return spoolOne(event, start, drained.sent(), "interrupted while waiting for Kafka");
        } catch (TimeoutException slow) {
            retryMarker.set(clock.millis() + settings().spoolRetryInterval().toMillis());
            return spoolOne(event, start, drained.sent(), "Kafka did not acknowledge within "
                    + settings().timeout().toMillis() + " ms");
        } catch (ExecutionException | KafkaException failure) {
            if (DeliveryFailures.curedByRetryLater(failure)) {
                retryMarker.set(clock.millis() + settings().spoolRetryInterval().toMillis());
                return spoolOne(event, start, drained.sent(), DeliveryFailures.describe(failure));
            }
            return new SendOutcome(SendOutcome.Status.FAILED, -1, -1, clock.millis() - start, drained.sent(),
                    DeliveryFailures.describe(failure));
        }
    }

    private SendOutcome spoolOne(OutgoingEvent event, long start, int drained, String reason) throws SpoolException {
        producer.abandon();
        spool.append(List.of(event.toSpooled()));
        return new SendOutcome(SendOutcome.Status.SPOOLED, -1, -1, clock.millis() - start, drained, reason);
    }

    /**
     * Sends one spool chunk and waits for every acknowledgement; throws on the first failure that a later attempt
     * could cure, so the chunk stays spooled. Events refused for good go to {@code rejected.ndjson}.
     */
    void sendChunk(List<SpooledEvent> chunk) throws Exception {
        long start = clock.millis();
        List<Future<RecordMetadata>> acks = new ArrayList<>(chunk.size());
        for (SpooledEvent event : chunk) {
            acks.add(producer.send(event.topic(), event.key(), event.value(), null));
        }
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(remainingMillis(start), TimeUnit.MILLISECONDS);
            } catch (ExecutionException failure) {
                if (DeliveryFailures.curedByRetryLater(failure)) {
                    throw failure;
                }
                keepRejected(chunk.get(i), DeliveryFailures.describe(failure));
            }
        }
    }

    void keepRejected(SpooledEvent event, String reason) throws IOException {
        rejected.record(event, reason, clock.instant());
    }

    long remainingMillis(long start) {
        return Math.max(1, settings().timeout().toMillis() - (clock.millis() - start));
    }

    @Override
    public void close() {
        producer.close();
    }
}
