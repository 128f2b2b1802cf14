package io.agentobs.consumer.dlq;

/** Dead letters could not be stored in Kafka; transient, so the batch is retried rather than committed. */
public class DeadLetterPublishException extends RuntimeException {

    public DeadLetterPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
