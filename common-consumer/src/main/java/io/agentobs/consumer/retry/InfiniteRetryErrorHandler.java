package io.agentobs.consumer.retry;

import java.util.Map;

import io.agentobs.consumer.config.ConsumerProperties.RetryProperties;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Builds the one error handler every service uses: a failed batch is retried whole, in order, forever, with
 * exponential backoff and jitter (seed 003), and is never sent to a recoverer.
 *
 * <p>Data errors never reach it: the {@code BatchProcessor} dead-letters them itself and lets the rest of the batch
 * proceed. So everything that does reach it is transient. Every exception type is classified retryable (Spring
 * Kafka's default list of "fatal" exceptions would otherwise skip straight to recovery, and a recovered batch is
 * committed), and the backoff has neither a maximum elapsed time nor a maximum number of attempts.
 */
public final class InfiniteRetryErrorHandler {

    private InfiniteRetryErrorHandler() {
    }

    /** The error handler for the batch container factory. */
    public static DefaultErrorHandler create(RetryProperties retry, BatchRetryListener listener) {
        DefaultErrorHandler handler = new DefaultErrorHandler(InfiniteRetryErrorHandler::neverRecover, backOff(retry));
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners(listener);
        handler.setResetStateOnExceptionChange(false);
        return handler;
    }

    /** Exponential backoff from the configured initial to maximum interval, jittered, without end. */
    public static BackOff backOff(RetryProperties retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setJitter(Math.round(retry.initialInterval().toMillis() * retry.jitter()));
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    private static void neverRecover(ConsumerRecord<?, ?> record, Exception cause) {
        throw new IllegalStateException("agentobs never skips a record; retries are unbounded, so recovery of "
                + record.topic() + "-" + record.partition() + "@" + record.offset() + " is a bug", cause);
    }
}
