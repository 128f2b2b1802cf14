package io.agentobs.cli.replay;

import io.agentobs.cli.kafka.ProducerSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends replayed records with an idempotent {@code acks=all} producer, which keeps each partition's order with up to
 * five requests in flight, and counts per partition what Kafka acknowledged, and what it refused.
 */
final class ReplaySender implements AutoCloseable {

    /** A replay may queue far more than one event: wait this long for buffer space and for delivery. */
    private static final long MIN_BLOCK_MS = 60_000;
    private static final long MIN_DELIVERY_MS = 120_000;

    private final Producer<byte[], byte[]> producer;
    private final Map<Integer, LongAdder> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong acknowledgedTotal = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    ReplaySender(ProducerSettings settings) {
        this.producer = new KafkaProducer<>(producerProperties(settings));
    }

    /** {@link ProducerSettings#resendProducerProperties}, with longer waits than one event's. */
    static Map<String, Object> producerProperties(ProducerSettings settings) {
        Map<String, Object> props = settings.resendProducerProperties("agentobs-cli-replay");
        props.put("max.in.flight.requests.per.connection", "5");
        long timeoutMs = settings.timeout().toMillis();
        props.put("max.block.ms", Long.toString(Math.max(timeoutMs, MIN_BLOCK_MS)));
        props.put("delivery.timeout.ms", Long.toString(Math.max(timeoutMs, MIN_DELIVERY_MS)));
        return props;
    }

    /**
     * Sends asynchronously; the outcome is counted when Kafka answers.
     *
     * @throws org.apache.kafka.common.KafkaException when the record cannot even be queued
     */
    void send(ProducerRecord<byte[], byte[]> record) {
        producer.send(record, (metadata, exception) -> {
            if (exception == null) {
                acknowledged.computeIfAbsent(metadata.partition(), partition -> new LongAdder()).increment();
                acknowledgedTotal.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, exception);
            }
        });
    }

    /** Counts a record that could not even be queued. */
    void refused(Exception exception) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, exception);
    }

    /** Waits until Kafka has answered for every record sent so far. */
    void flush() {
        producer.flush();
    }

    long acknowledged() {
        return acknowledgedTotal.get();
    }

    long acknowledged(int partition) {
        LongAdder count = acknowledged.get(partition);
        return count == null ? 0 : count.sum();
    }

    long failed() {
        return failed.get();
    }

    /** The first refusal, or null. */
    Exception firstFailure() {
        return firstFailure.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofMillis(MIN_BLOCK_MS));
    }
}
