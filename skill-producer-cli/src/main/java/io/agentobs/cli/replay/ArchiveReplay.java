package io.agentobs.cli.replay;

import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.cli.CliContext;
import io.agentobs.cli.ExitCodes;
import io.agentobs.cli.ResultPrinter;
import io.agentobs.cli.UnavailableException;
import io.agentobs.cli.UsageException;
import io.agentobs.cli.archive.ArchiveSession;
import io.agentobs.cli.archive.ArchivedFile;
import io.agentobs.cli.kafka.ProducerSettings;
import io.agentobs.cli.progress.Terminal;
import org.apache.kafka.common.KafkaException;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Runs one {@code replay}: plans the files from the archive's listing, checks the target topic's partitions, then
 * reads each partition's files in offset order and sends the selected records, paced by the rate limit, and prints
 * the {@link ReplaySummary}. Sending stops at the first record Kafka refuses.
 */
final class ArchiveReplay {

    private final CliContext context;
    /** How long reading and sending took, without listing the files and checking the target topic. */
    private long replayNanos;

    ArchiveReplay(CliContext context) {
        this.context = context;
    }

    /**
     * @return 0 when every selected record was sent (or a dry run), 1 when some were not
     * @throws UnavailableException when S3 or Kafka cannot be reached before anything is sent (exit 3)
     */
    int run(ReplayRequest request) throws UsageException, UnavailableException {
        ProducerSettings settings = request.dryRun() ? null : ProducerSettings.fromEnvironment(context.env());
        long start = System.nanoTime();
        RecordSelection selection = new RecordSelection(request.window(), request.skipDeadLettered());
        try (ArchiveSession session = ArchiveSession.open(request.location())) {
            ReplayPlan plan = ReplayPlan.of(session.list(request.topic(), request.window(), (done, total) -> {
            }), request);
            if (plan.files() == 0) {
                return report(request, plan, selection, null, null, null, start);
            }
            if (request.dryRun()) {
                UnavailableException unreadable = replay(session, plan, request, selection, null);
                return report(request, plan, selection, null, unreadable, null, start);
            }
            String refusal = refusal(settings, request, plan);
            if (refusal != null) {
                return report(request, plan, selection, null, null, refusal, start);
            }
            try (ReplaySender sender = new ReplaySender(settings)) {
                UnavailableException unreadable = replay(session, plan, request, selection, sender);
                return report(request, plan, selection, sender, unreadable, null, start);
            }
        }
    }

    /** Why the target topic cannot take the plan's records, or null when it can. */
    private static String refusal(ProducerSettings settings, ReplayRequest request, ReplayPlan plan)
            throws UnavailableException {
        OptionalInt partitions = TargetTopic.partitions(settings, request.targetTopic());
        if (partitions.isEmpty()) {
            return "target topic " + request.targetTopic() + " does not exist; create it with at least "
                    + (plan.highestPartition() + 1) + " partitions";
        }
        if (plan.highestPartition() >= partitions.getAsInt()) {
            List<Integer> beyond = plan.byPartition().keySet().stream()
                    .filter(partition -> partition >= partitions.getAsInt()).toList();
            return "target topic " + request.targetTopic() + " has " + partitions.getAsInt() + " partitions, but "
                    + "archived records of " + request.topic() + " in the range are in partition"
                    + (beyond.size() == 1 ? " " : "s ") + beyond + "; nothing was sent. Replay into a topic with at "
                    + "least " + (plan.highestPartition() + 1) + " partitions, or choose --partition below "
                    + partitions.getAsInt();
        }
        return null;
    }

    /**
     * Reads the plan's files, partition by partition in offset order, and sends (or, without a sender, counts) the
     * selected records. Stops at the first refusal by Kafka.
     *
     * @return the archive failure that stopped the run, or null
     */
    private UnavailableException replay(ArchiveSession session, ReplayPlan plan, ReplayRequest request,
            RecordSelection selection, ReplaySender sender) {
        long start = System.nanoTime();
        try (ReplayProgress progress = new ReplayProgress(context.err(), request.progress(),
                Terminal.interactive(context), plan.records(), sender == null ? "to send" : "sent", context.clock())) {
            UnavailableException unreadable = readAndSend(session, plan, request, selection, sender, progress);
            if (sender != null) {
                // Also after a refusal or an unreadable file: what is in flight is counted before the summary.
                sender.flush();
            }
            progress.update(selection.read(), sender == null ? selection.selected() : sender.acknowledged(),
                    selection.skipped());
            return unreadable;
        } finally {
            replayNanos = System.nanoTime() - start;
        }
    }

    private UnavailableException readAndSend(ArchiveSession session, ReplayPlan plan, ReplayRequest request,
            RecordSelection selection, ReplaySender sender, ReplayProgress progress) {
        RateLimiter limiter = sender != null && request.ratePerSecond() != null
                ? RateLimiter.perSecond(request.ratePerSecond()) : null;
        for (List<ArchivedFile> files : plan.byPartition().values()) {
            for (ArchivedFile file : files) {
                if (sender != null && sender.firstFailure() != null) {
                    return null;
                }
                try {
                    session.forEachRecord(file, record -> {
                        handle(record, request, selection, sender, limiter);
                        progress.update(selection.read(),
                                sender == null ? selection.selected() : sender.acknowledged(), selection.skipped());
                    });
                } catch (UnavailableException unreadable) {
                    return unreadable;
                }
            }
        }
        return null;
    }

    private static void handle(ArchivedRecord record, ReplayRequest request, RecordSelection selection,
            ReplaySender sender, RateLimiter limiter) {
        if (sender != null && sender.firstFailure() != null) {
            return;
        }
        if (!selection.select(record)) {
            return;
        }
        if (sender == null) {
            return;
        }
        if (limiter != null) {
            limiter.acquire();
        }
        try {
            sender.send(ReplayRecords.toProducerRecord(record, request.targetTopic()));
        } catch (KafkaException refused) {
            sender.refused(refused);
        }
    }

    private int report(ReplayRequest request, ReplayPlan plan, RecordSelection selection, ReplaySender sender,
            UnavailableException unreadable, String refusal, long start) {
        Map<Integer, Long> sent = new TreeMap<>();
        long failed = 0;
        String error = refusal;
        if (sender != null) {
            selection.partitions().keySet().forEach(partition -> sent.put(partition, sender.acknowledged(partition)));
            failed = sender.failed();
            Exception failure = sender.firstFailure();
            if (failure != null) {
                error = "Kafka refused a record: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
            }
        }
        if (unreadable != null) {
            error = unreadable.getMessage();
        }
        if (plan.files() == 0) {
            context.err().println("agentobs replay: no archived records of " + request.topic() + " in ["
                    + request.window().from() + ", " + request.window().to() + ")");
        }
        Map<String, Object> summary = ReplaySummary.of(request, plan, selection, sent, failed, error,
                System.nanoTime() - start, replayNanos);
        if (error != null) {
            context.err().println("agentobs replay: " + error);
        }
        ResultPrinter.print(context.out(), summary);
        if (unreadable != null) {
            return ExitCodes.UNAVAILABLE;
        }
        return Boolean.TRUE.equals(summary.get("success")) ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
