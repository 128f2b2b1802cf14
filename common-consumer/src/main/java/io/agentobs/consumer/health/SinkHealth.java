package io.agentobs.consumer.health;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the sink is taking writes, read by the readiness indicator.
 *
 * <p>Two sources feed it: the batch processor after every batch (a failing sink write or dead-letter publish keeps
 * readiness DOWN for the whole retry, until a batch succeeds) and the background probe (so an unreachable sink shows while no events flow).
 * The sink is healthy only when both last reported success.
 */
public class SinkHealth {

    private final Clock clock;
    private final AtomicReference<State> writes;
    private final AtomicReference<State> probes;

    public SinkHealth(Clock clock) {
        this.clock = clock;
        this.writes = new AtomicReference<>(State.HEALTHY);
        this.probes = new AtomicReference<>(State.HEALTHY);
    }

    /** A batch write succeeded. */
    public void writeSucceeded() {
        writes.set(State.HEALTHY);
    }

    /** A batch write failed and will be retried. */
    public void writeFailed(Throwable error) {
        writes.updateAndGet(s -> s.failedAgain(clock.instant(), error));
    }

    /** The background probe reached the sink. */
    public void probeSucceeded() {
        probes.set(State.HEALTHY);
    }

    /** The background probe could not reach the sink. */
    public void probeFailed(Throwable error) {
        probes.updateAndGet(s -> s.failedAgain(clock.instant(), error));
    }

    /** Health of writes. */
    public State writes() {
        return writes.get();
    }

    /** Health of background probes. */
    public State probes() {
        return probes.get();
    }

    /** True when neither writes nor probes are failing. */
    public boolean healthy() {
        return writes.get().healthy() && probes.get().healthy();
    }

    /**
     * One source's view of the sink.
     *
     * @param healthy true when the last attempt succeeded
     * @param failingSince when the current run of failures began, or null
     * @param lastError the last failure, or null
     * @param consecutiveFailures failures since the last success
     */
    public record State(boolean healthy, Instant failingSince, String lastError, int consecutiveFailures) {

        static final State HEALTHY = new State(true, null, null, 0);

        State failedAgain(Instant now, Throwable error) {
            return new State(false, healthy ? now : failingSince, ErrorDescriptions.describe(error), consecutiveFailures + 1);
        }
    }
}
