package io.agentobs.consumer.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the sink is taking writes, read by the readiness indicator.
 *
 * <p>Two sources feed it: the batch processor after every batch (a failing sink write or dead-letter publish keeps
 * readiness DOWN for the whole retry, until a batch on that consumer thread succeeds) and the background probe (so
 * an unreachable sink shows while no events flow). Writes are tracked per consumer thread: with several threads, one
 * thread's success must not hide another thread that is still retrying. The sink is healthy only when every thread's
 * last batch and the last probe succeeded.
 */
public class SinkHealth {

    private final Clock clock;
    private final Map<String, State> writesByThread = new ConcurrentHashMap<>();
    private final AtomicReference<State> probes = new AtomicReference<>(State.HEALTHY);

    public SinkHealth(Clock clock) {
        this.clock = clock;
    }

    /** A batch on the calling consumer thread succeeded. */
    public void writeSucceeded() {
        writesByThread.remove(Thread.currentThread().getName());
    }

    /** A batch on the calling consumer thread failed and will be retried. */
    public void writeFailed(Throwable error) {
        Instant now = clock.instant();
        writesByThread.compute(Thread.currentThread().getName(),
                (thread, state) -> (state == null ? State.HEALTHY : state).failedAgain(now, error));
    }

    /** The background probe reached the sink. */
    public void probeSucceeded() {
        probes.set(State.HEALTHY);
    }

    /** The background probe could not reach the sink. */
    public void probeFailed(Throwable error) {
        Instant now = clock.instant();
        probes.updateAndGet(s -> s.failedAgain(now, error));
    }

    /** Health of writes: the longest-failing consumer thread, or healthy when none is failing. */
    public State writes() {
        return writesByThread.values().stream()
                .min((a, b) -> a.failingSince().compareTo(b.failingSince()))
                .orElse(State.HEALTHY);
    }

    /** Health of background probes. */
    public State probes() {
        return probes.get();
    }

    /** True when no consumer thread is retrying and the last probe succeeded. */
    public boolean healthy() {
        return writesByThread.isEmpty() && probes.get().healthy();
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
