package io.agentobs.consumer.retry;

import io.agentobs.consumer.metrics.ConsumerMetrics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;

/** Counts and logs each failed delivery of a batch that is about to be retried. */
public class BatchRetryListener implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(BatchRetryListener.class);

    private final ConsumerMetrics metrics;

    public BatchRetryListener(ConsumerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        Throwable cause = unwrap(ex);
        metrics.retryAttempt(cause);
        log.warn("Delivery attempt {} of {}-{}@{} failed, retrying with backoff: {}", deliveryAttempt,
                record.topic(), record.partition(), record.offset(), String.valueOf(cause));
    }

    @Override
    public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
        Throwable cause = unwrap(ex);
        metrics.retryAttempt(cause);
        log.warn("Delivery attempt {} of a batch of {} records on {} failed, retrying the whole batch with backoff: {}",
                deliveryAttempt, records.count(), records.partitions(), String.valueOf(cause));
    }

    private static Throwable unwrap(Exception ex) {
        return ex instanceof ListenerExecutionFailedException && ex.getCause() != null ? ex.getCause() : ex;
    }
}
