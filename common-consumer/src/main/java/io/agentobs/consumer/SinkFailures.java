package io.agentobs.consumer;

import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Keeps a sink failure a whole-batch retry.
 *
 * <p>Spring Kafka's error handler searches the cause chain for a {@link BatchListenerFailedException} and, if it
 * finds one, commits every record before the named index — records this sink has just rolled back, and bad records
 * whose dead letters were not yet published. agentobs never wants that: a sink reports bad data with
 * {@link EventBatch#reject}, and everything thrown means "retry the whole batch". So such an exception is hidden
 * where the handler cannot find it.
 */
final class SinkFailures {

    private SinkFailures() {
    }

    /** The exception to rethrow: the original, unless its cause chain holds a {@link BatchListenerFailedException}. */
    static Exception retryWhole(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BatchListenerFailedException) {
                SinkWriteException shielded = new SinkWriteException(
                        "Sink failed (" + failure + "); retrying the whole batch, partial commits are not used");
                shielded.addSuppressed(failure);
                return shielded;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return failure;
    }

    /** A sink failure whose original carried a partial-commit request; the original is a suppressed exception. */
    static final class SinkWriteException extends Exception {
        SinkWriteException(String message) {
            super(message);
        }
    }
}
