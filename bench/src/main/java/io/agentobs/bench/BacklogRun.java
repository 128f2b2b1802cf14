package io.agentobs.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One start of db-writer-service with one batch size: the backlogs it drained, and the plain COPY of the first
 * backlog's rows into an identical empty table in the same database right after.
 *
 * @param round          round number, from 1
 * @param batchSize      BATCH_SIZE (max.poll.records) of the service
 * @param group          the service's consumer group
 * @param serviceStarted Spring Boot's "Started … in X seconds (process running for Y)": {X, Y}
 * @param produced       the first backlog's produce figures
 * @param phases         the drains, the first one from the service's start
 * @param copyBefore     the reference COPY of the first backlog's rows, with its commit, before the service started
 * @param copyAfter      the same after the service stopped
 * @param rowsIdentical  whether the service's rows and the COPY's rows are the same (all columns but ingested_at)
 */
record BacklogRun(int round, int batchSize, String group, Optional<double[]> serviceStarted, Backlog produced,
                  List<DrainPhase<DbWriterMeters>> phases, long copyBefore, long copyAfter, boolean rowsIdentical) {

    BacklogRun {
        phases = List.copyOf(phases);
    }

    /** Rows per second of the reference: the mean of the COPY before the drains and the one after. */
    double copyPerSecond() {
        return (produced.size() * 1e9 / copyBefore + produced.size() * 1e9 / copyAfter) / 2;
    }

    String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "round %d, BATCH_SIZE %d (group %s); backlog produced at %,.0f events/s"
                + " in one transaction%n", round, batchSize, group, produced.producedPerSecond()));
        serviceStarted.ifPresent(s -> out.append(String.format(Locale.ROOT,
                "service: Started DbWriterApplication in %.2f s (process running for %.2f s)%n", s[0], s[1])));
        out.append(String.format(Locale.ROOT, "%-58s %9s %9s %12s %9s %12s %8s%n", "drain", "events", "total s",
                "rows/s", "steady s", "steady r/s", "/ COPY"));
        for (DrainPhase<DbWriterMeters> phase : phases) {
            out.append(String.format(Locale.ROOT, "%-58s %,9d %9.2f %,12.0f %9.2f %,12.0f %8.2f%n", phase.name(),
                    phase.events(), phase.totalSeconds(), phase.perSecond(), phase.steadySeconds(),
                    phase.steadyPerSecond(), phase.steadyPerSecond() / copyPerSecond()));
        }
        out.append(String.format(Locale.ROOT, "%-58s %,9d %9.2f %,12.0f%n", "COPY reference before the service",
                produced.size(), copyBefore / 1e9, produced.size() * 1e9 / copyBefore));
        out.append(String.format(Locale.ROOT, "%-58s %,9d %9.2f %,12.0f%n", "COPY reference after the service",
                produced.size(), copyAfter / 1e9, produced.size() * 1e9 / copyAfter));
        out.append(String.format(Locale.ROOT, "COPY reference (one COPY into an empty copy of agent_actions, mean of"
                + " both): %,.0f rows/s; / COPY = steady drain / that%n", copyPerSecond()));
        out.append(rowsIdentical ? "rows written by the service = rows of the COPY (all columns but ingested_at)\n"
                : "WARNING: the service's rows differ from the COPY's rows\n");
        for (DrainPhase<DbWriterMeters> phase : phases) {
            out.append(phase.name()).append(":\n  ").append(phase.meters().format()).append('\n');
            phase.retention().ifPresent(r -> out.append("  ").append(r.format()).append('\n'));
            out.append("  CPU from the first rows to the last:\n").append(phase.cpu().format("    ")).append('\n');
        }
        return out.toString();
    }
}
