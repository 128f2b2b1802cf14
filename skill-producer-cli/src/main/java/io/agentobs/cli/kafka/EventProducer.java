package io.agentobs.cli.kafka;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The CLI's one Kafka producer, created on first use (a disabled or spool-only run never loads the Kafka client) and
 * closed with the command; a one-event publish usually does without it ({@link #sendOne}).
 */
public final class EventProducer implements AutoCloseable {

    private final ProducerSettings settings;
    private final boolean bulk;
    private Producer<String, byte[]> producer;

    /** A producer tuned for one event ({@code bulk == false}) or for a stream of them. */
    public EventProducer(ProducerSettings settings, boolean bulk) {
        this.settings = settings;
        this.bulk = bulk;
    }

    public ProducerSettings settings() {
        return settings;
    }

    /**
     * Sends asynchronously; the callback runs on the producer's I/O thread.
     *
     * @throws org.apache.kafka.common.KafkaException when the record cannot even be queued (for example, no
     *         metadata within the timeout)
     */
    public Future<RecordMetadata> send(String topic, String key, byte[] value, Callback callback) {
        return producer().send(new ProducerRecord<>(topic, key, value), callback);
    }

    /**
     * Sends the one record of a one-event publish. Unless a KafkaProducer is already open (the spool was drained
     * with it), the record goes straight over the Kafka protocol ({@link DirectProducer}) when the configuration
     * allows, which spares a short-lived process the producer's start-up; otherwise, and when the brokers lack the
     * protocol versions for that, through the KafkaProducer. Either way the future fails with what the producer would
     * have failed the record with.
     */
    public Future<RecordMetadata> sendOne(String topic, String key, byte[] value) {
        if (!bulk && producer == null && DirectProducer.serves(settings)) {
            try {
                return CompletableFuture.completedFuture(DirectProducer.send(settings, topic, key, value));
            } catch (DirectProducer.Unsupported unsupported) {
                // The KafkaProducer below negotiates what this path cannot.
            } catch (KafkaException failure) {
                return CompletableFuture.failedFuture(failure);
            }
        }
        return send(topic, key, value, null);
    }

    public void flush() {
        if (producer != null) {
            producer.flush();
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(settings.producerProperties(bulk));
        }
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(settings.timeout());
            producer = null;
        }
    }

    /** Closes without waiting for records still queued: used when the command has already spooled them. */
    public void abandon() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }
}
