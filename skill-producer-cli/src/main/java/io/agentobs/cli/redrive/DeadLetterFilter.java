package io.agentobs.cli.redrive;

import java.time.Instant;
import java.util.Set;

/**
 * Which dead letters to redrive: every condition that is set must hold (null or empty means any).
 *
 * @param errorClasses {@code x-error-class} is one of these, exactly
 * @param messageContains {@code x-error-message} contains this text (case-sensitive)
 * @param consumerGroup {@code x-consumer-group} is this group
 * @param since the record timestamp is at or after this instant
 * @param until the record timestamp is before this instant
 */
record DeadLetterFilter(Set<String> errorClasses, String messageContains, String consumerGroup, Instant since,
        Instant until) {

    DeadLetterFilter {
        errorClasses = errorClasses == null ? Set.of() : Set.copyOf(errorClasses);
    }

    /** A filter that matches every dead letter. */
    static DeadLetterFilter any() {
        return new DeadLetterFilter(Set.of(), null, null, null, null);
    }

    boolean matches(RedriveRecord letter) {
        if (!errorClasses.isEmpty() && !errorClasses.contains(letter.errorClass())) {
            return false;
        }
        if (messageContains != null) {
            String message = letter.errorMessage();
            if (message == null || !message.contains(messageContains)) {
                return false;
            }
        }
        if (consumerGroup != null && !consumerGroup.equals(letter.consumerGroup())) {
            return false;
        }
        Instant timestamp = letter.timestamp();
        if (since != null && timestamp.isBefore(since)) {
            return false;
        }
        return until == null || timestamp.isBefore(until);
    }
}
