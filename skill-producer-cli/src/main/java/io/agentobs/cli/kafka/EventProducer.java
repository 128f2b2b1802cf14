package io.agentobs.cli.kafka;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.concurrent.Future;

/**
 * The CLI's one Kafka producer, created on first use (a disabled or spool-only run never loads the Kafka client) and
 * closed with the command.
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
