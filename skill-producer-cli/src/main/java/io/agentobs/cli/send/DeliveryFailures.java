package io.agentobs.cli.send;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Which send failures the spool can cure. Kafka being unreachable, slow, missing a topic or refusing our
 * credentials is cured by sending later, so the event is spooled; a record Kafka can never accept (too large, invalid)
 * is not, and the publish fails.
 */
final class DeliveryFailures {

    private DeliveryFailures() {
    }

    static boolean curedByRetryLater(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof RetriableException
                || cause instanceof AuthenticationException
                || cause instanceof AuthorizationException
                || cause instanceof InterruptException
                || cause instanceof InterruptedException;
    }

    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
