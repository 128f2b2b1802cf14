package io.agentobs.cli.redrive;

import io.agentobs.cli.kafka.ProducerSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Republishes redriven records with an idempotent {@code acks=all} producer (created on the first record, so a run
 * with nothing to send opens none) and counts what Kafka acknowledged and refused.
 */
final class RedriveSender implements AutoCloseable {

    private final ProducerSettings settings;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private Producer<byte[], byte[]> producer;

    RedriveSender(ProducerSettings settings) {
        this.settings = settings;
    }

    /**
     * The bulk producer properties ({@code KAFKA_COMPRESSION}, batch size, linger, timeout) with byte keys, so the
     * key goes back unchanged, and acks=all with idempotence whatever {@code KAFKA_ACKS} says: a redrive must not
     * lose or reorder what it takes out of the dead-letter topic.
     */
    static Map<String, Object> producerProperties(ProducerSettings settings) {
        Map<String, Object> props = settings.producerProperties(true);
        props.put("client.id", "agentobs-cli-redrive");
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        // Idempotence refuses retries=0 (KAFKA_RETRIES may say so); the default retries until delivery.timeout.ms.
        props.remove("retries");
        return props;
    }

    /**
     * Sends asynchronously; the outcome is counted when Kafka answers.
     *
     * @throws org.apache.kafka.common.KafkaException when the record cannot even be queued
     */
    void send(ProducerRecord<byte[], byte[]> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(producerProperties(settings));
        }
        producer.send(record, (metadata, exception) -> {
            if (exception == null) {
                acknowledged.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, exception);
            }
        });
    }

    /** Waits until Kafka has answered for every record sent so far. */
    void flush() {
        if (producer != null) {
            producer.flush();
        }
    }

    long acknowledged() {
        return acknowledged.get();
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
        if (producer != null) {
            producer.close(settings.timeout());
            producer = null;
        }
    }
}
