package io.agentobs.consumer.dlq;

/** Header names a dead letter carries (SPEC §2), so producers, tools and tests read them the same way. */
public final class DeadLetterHeaders {

    public static final String ORIGINAL_TOPIC = "x-original-topic";
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    public static final String ERROR_CLASS = "x-error-class";
    public static final String ERROR_MESSAGE = "x-error-message";
    public static final String FAILED_AT = "x-failed-at";
    public static final String CONSUMER_GROUP = "x-consumer-group";

    private DeadLetterHeaders() {
    }
}
