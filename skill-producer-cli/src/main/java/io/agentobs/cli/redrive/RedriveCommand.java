package io.agentobs.cli.redrive;

import io.agentobs.cli.CliContext;
import io.agentobs.cli.ExitCodes;
import io.agentobs.cli.ResultPrinter;
import io.agentobs.cli.TimeBound;
import io.agentobs.cli.UsageException;
import io.agentobs.cli.kafka.ProducerSettings;
import io.agentobs.cli.progress.Terminal;
import io.agentobs.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code agentobs redrive --topic T}: after a fix, sends the dead letters of {@code T-dlq} that match the filters
 * back to the topic they failed on, byte for byte, and prints what it read, sent and skipped.
 */
@Command(name = "redrive", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send dead letters from <topic>-dlq back to their original topic, after the cause is fixed.",
                "Reads every partition of the dead-letter topic from the beginning (or --since) up to its end when "
                        + "the run starts, keeps the dead letters matching every filter given, and republishes each "
                        + "with its original key, value and headers, without the x- dead-letter headers and with "
                        + "x-redriven-from: <dlq-topic>-<partition>@<offset>. Commits nothing: the dead letters stay.",
                "Safe to repeat: the sinks are idempotent on event_id, so a dead letter redriven twice is stored "
                        + "once.",
                "Dead letters without their value (x-original-value-omitted), without x-original-topic, or from "
                        + "another topic (unless --target-topic) are skipped and counted by reason.",
                "Exit 0 when every matched dead letter was redriven or skipped (or --dry-run), 1 when Kafka failed, "
                        + "2 on a usage error."})
public final class RedriveCommand implements Callable<Integer> {

    @Option(names = "--topic", required = true, paramLabel = "<topic>",
            description = "The topic whose dead letters to redrive, or its -dlq topic: agent-actions and "
                    + "agent-actions-dlq both read agent-actions-dlq.")
    private String topicName;

    @Option(names = "--error-class", paramLabel = "<class>",
            description = "Only dead letters with this x-error-class (exact); repeat for several.")
    private List<String> errorClasses = new ArrayList<>();

    @Option(names = "--message-contains", paramLabel = "<text>",
            description = "Only dead letters whose x-error-message contains this text.")
    private String messageContains;

    @Option(names = "--consumer-group", paramLabel = "<group>",
            description = "Only dead letters written by this consumer group (x-consumer-group).")
    private String consumerGroup;

    @Option(names = "--since", paramLabel = "<time>",
            description = "Only dead letters written at or after this: an ISO-8601 instant "
                    + "(2026-11-23T10:00:00Z) or a duration ago (30m, 2h, 7d).")
    private String since;

    @Option(names = "--until", paramLabel = "<time>",
            description = "Only dead letters written before this: an instant or a duration ago.")
    private String until;

    @Option(names = "--limit", paramLabel = "<n>", description = "Stop after this many matching dead letters.")
    private Long limit;

    @Option(names = "--target-topic", paramLabel = "<topic>",
            description = "Publish to this topic instead of each dead letter's x-original-topic (which then need "
                    + "not be the dead-letter topic's own).")
    private String targetTopic;

    @Option(names = "--dry-run", description = "Publish nothing: count what would be redriven and list the first "
            + RedriveTally.MAX_LISTED + ".")
    private boolean dryRun;

    @Option(names = "--no-progress", description = "No progress line on stderr.")
    private boolean noProgress;

    private final CliContext context;

    public RedriveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Topic topic = homeTopic(topicName);
        if (limit != null && limit < 1) {
            throw new UsageException("--limit must be at least 1, got " + limit);
        }
        if (targetTopic != null && (targetTopic.isBlank() || targetTopic.equals(topic.dlqName()))) {
            throw new UsageException("--target-topic must name a topic other than " + topic.dlqName() + ", got '"
                    + targetTopic + "'");
        }
        Instant from = TimeBound.parse("--since", since, context.clock());
        Instant to = TimeBound.parse("--until", until, context.clock());
        if (from != null && to != null && !from.isBefore(to)) {
            throw new UsageException("--since (" + from + ") must be before --until (" + to + ")");
        }
        DeadLetterFilter filter = new DeadLetterFilter(Set.copyOf(errorClasses), messageContains, consumerGroup,
                from, to);
        ProducerSettings settings = ProducerSettings.fromEnvironment(context.env());
        String target = targetTopic != null ? targetTopic : topic.topicName();
        long start = System.nanoTime();
        RedriveTally tally = new RedriveTally();
        RedriveSender sender = new RedriveSender(settings);
        Exception failure = null;
        try (sender) {
            redrive(topic, filter, settings, tally, sender, target);
        } catch (KafkaException kafka) {
            failure = kafka;
        }
        if (failure == null) {
            failure = sender.firstFailure();
        }
        return report(topic, target, tally, sender, failure, start);
    }

    private void redrive(Topic topic, DeadLetterFilter filter, ProducerSettings settings, RedriveTally tally,
            RedriveSender sender, String target) {
        Duration stallTimeout = settings.timeout().compareTo(Duration.ofSeconds(15)) > 0
                ? settings.timeout() : Duration.ofSeconds(15);
        try (DeadLetterReader reader = new DeadLetterReader(settings, stallTimeout)) {
            long total = reader.open(topic.dlqName(), filter.since());
            boolean interactive = Terminal.interactive(context);
            try (RedriveProgress progress = new RedriveProgress(context.err(), !noProgress, interactive, total,
                    dryRun ? "to redrive" : "redriven", context.clock())) {
                read:
                for (List<ConsumerRecord<byte[], byte[]>> batch = reader.poll(); !batch.isEmpty();
                     batch = reader.poll()) {
                    for (ConsumerRecord<byte[], byte[]> record : batch) {
                        handle(new RedriveRecord(record), topic, filter, tally, sender, target);
                        progress.update(tally.scannedCount(), tally.matchedCount(), sentSoFar(tally, sender),
                                tally.skippedCount());
                        if ((limit != null && tally.matchedCount() >= limit) || sender.firstFailure() != null) {
                            break read;
                        }
                    }
                }
                sender.flush();
                progress.update(tally.scannedCount(), tally.matchedCount(), sentSoFar(tally, sender),
                        tally.skippedCount());
            }
        }
    }

    private void handle(RedriveRecord letter, Topic topic, DeadLetterFilter filter, RedriveTally tally,
            RedriveSender sender, String target) {
        tally.scanned();
        if (!filter.matches(letter)) {
            return;
        }
        tally.matched(letter);
        Optional<SkipReason> skip = letter.skipReason(topic.topicName(), targetTopic);
        if (skip.isPresent()) {
            tally.skipped(skip.get());
            return;
        }
        tally.selected(letter);
        if (!dryRun) {
            sender.send(letter.toProducerRecord(target));
        }
    }

    private long sentSoFar(RedriveTally tally, RedriveSender sender) {
        return dryRun ? tally.selectedCount() : sender.acknowledged();
    }

    private int report(Topic topic, String target, RedriveTally tally, RedriveSender sender, Exception failure,
            long start) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", failure == null);
        result.put("dlq_topic", topic.dlqName());
        result.put("target_topic", target);
        result.put("scanned", tally.scannedCount());
        result.put("matched", tally.matchedCount());
        result.put("redriven", sender.acknowledged());
        if (dryRun) {
            result.put("would_redrive", tally.selectedCount());
        }
        result.put("skipped", tally.skippedCount());
        result.put("skipped_reasons", tally.skippedReasons());
        result.put("failed", sender.failed());
        result.put("by_error_class", tally.byErrorClass());
        result.put("dry_run", dryRun);
        if (dryRun) {
            result.put("dead_letters", tally.listed());
        }
        result.put("elapsed_ms", (System.nanoTime() - start) / 1_000_000);
        if (failure != null) {
            String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            context.err().println("agentobs redrive: " + message);
            result.put("error", message);
        }
        ResultPrinter.print(context.out(), result);
        return failure == null ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** The catalog topic named by {@code --topic}, given as itself or as its dead-letter topic. */
    static Topic homeTopic(String name) throws UsageException {
        String trimmed = name.trim();
        String home = trimmed.endsWith("-dlq") ? trimmed.substring(0, trimmed.length() - "-dlq".length()) : trimmed;
        return Topic.byName(home).orElseThrow(() -> new UsageException("--topic must be one of "
                + Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.joining(", "))
                + " or its -dlq topic, got '" + name + "'"));
    }
}
