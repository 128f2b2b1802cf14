package io.agentobs.cli.send;

/**
 * What happened to one event.
 *
 * @param status sent, spooled, failed or skipped (publishing disabled)
 * @param partition the partition it was written to, or -1
 * @param offset its offset, or -1
 * @param latencyMs milliseconds from send to acknowledgement (or to the spool write)
 * @param drained spooled events sent before this one
 * @param reason why it was spooled or failed, else null
 */
public record SendOutcome(Status status, int partition, long offset, long latencyMs, int drained, String reason) {

    /** The fate of an event. */
    public enum Status {
        SENT, SPOOLED, FAILED, SKIPPED
    }
}
