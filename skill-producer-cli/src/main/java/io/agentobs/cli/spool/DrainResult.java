package io.agentobs.cli.spool;

/**
 * What a drain did.
 *
 * @param sent      events acknowledged by the sender and removed from the spool
 * @param remaining events still waiting (those of the failed chunk and after it)
 * @param corrupt   corrupted records moved aside into a {@code corrupt-<timestamp>.ndjson} file
 * @param failure   why the drain stopped early, or null when everything waiting was sent
 */
public record DrainResult(int sent, int remaining, int corrupt, Exception failure) {

    /** True when the drain sent everything that was waiting. */
    public boolean complete() {
        return failure == null;
    }
}
