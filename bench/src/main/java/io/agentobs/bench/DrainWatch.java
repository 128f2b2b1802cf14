package io.agentobs.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a running service has committed every event of a backlog, by polling the offsets it stored, and takes
 * the drain's figures: when the first and the last of them were committed, the CPU used in between, and the service's
 * meters over the drain.
 */
final class DrainWatch {

    /** The next offsets a service has committed for the backlog's topics, by topic partition. */
    @FunctionalInterface
    interface StoredOffsets {
        Map<TopicPartition, Long> read() throws Exception;
    }

    /** Over which part of a drain the CPU is counted. */
    enum CpuWindow {
        /** From the first events seen committed to the last: the drain without start-up. */
        FIRST_TO_LAST_COMMIT,
        /** From when the watch began (just after the clock started) to the last commit: all of the drain. */
        WHOLE_DRAIN
    }

    private final ProcessCpu cpu;
    private final CpuWindow cpuWindow;
    private final Duration timeout;
    private final Duration poll;

    /** Gives up after {@code timeout} from the clock's start; reads the stored offsets every {@code poll}. */
    DrainWatch(ProcessCpu cpu, CpuWindow cpuWindow, Duration timeout, Duration poll) {
        this.cpu = cpu;
        this.cpuWindow = cpuWindow;
        this.timeout = timeout;
        this.poll = poll;
    }

    /**
     * Polls until every event of {@code backlog} lies below its topic partition's stored next offset.
     *
     * @param startNanos when the clock started ({@link System#nanoTime()}): the service's start or the backlog's commit
     * @param meters     the phase's service meters from the scrape taken at its end
     */
    <M> DrainPhase<M> await(String name, Backlog backlog, long startNanos, StoredOffsets offsets,
                            ServiceProcess service, Function<PrometheusText, M> meters) throws Exception {
        Backlog.Progress progress = backlog.progress();
        long deadline = startNanos + timeout.toNanos();
        long first = 0;
        long firstRows = 0;
        ProcessCpu.Snapshot cpuFrom = cpuWindow == CpuWindow.WHOLE_DRAIN ? cpu.snapshot() : null;
        while (true) {
            long committed = progress.committed(offsets.read());
            long now = System.nanoTime();
            if (committed > 0 && first == 0) {
                first = now;
                firstRows = committed;
                if (cpuFrom == null) {
                    cpuFrom = cpu.snapshot();
                }
            }
            if (committed >= backlog.size()) {
                ProcessCpu.Snapshot cpuEnd = cpu.snapshot();
                return new DrainPhase<>(name, backlog.size(), startNanos, first, firstRows, now,
                        cpu.between(cpuFrom == null ? cpuEnd : cpuFrom, cpuEnd), meters.apply(service.metrics()),
                        Optional.empty());
            }
            service.requireAlive();
            if (now > deadline) {
                throw new IllegalStateException(name + ": " + committed + " of " + backlog.size()
                        + " events committed after " + timeout + "; service log:\n" + service.logTail(40));
            }
            Thread.sleep(poll.toMillis());
        }
    }
}
