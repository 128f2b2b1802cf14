package io.agentobs.cli.redrive;

import io.agentobs.cli.kafka.ProducerSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

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
     * Sends asynchronously; the outcome is counted when Kafka answers.
     *
     * @throws org.apache.kafka.common.KafkaException when the record cannot even be queued
     */
    void send(ProducerRecord<byte[], byte[]> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(settings.resendProducerProperties("agentobs-cli-redrive"));
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
