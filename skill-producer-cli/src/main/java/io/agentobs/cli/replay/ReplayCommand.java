package io.agentobs.cli.replay;

import io.agentobs.cli.CliContext;
import io.agentobs.cli.TimeWindow;
import io.agentobs.cli.UsageException;
import io.agentobs.cli.archive.ArchiveClassPath;
import io.agentobs.cli.archive.ArchivedTopics;
import io.agentobs.cli.archive.S3Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code agentobs replay --topic T --from A --to B}: republishes archived records of a time range, byte for byte, to
 * the partitions they came from. The options are plain values; {@link ArchiveReplay} does the reading and sending.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Republish archived records whose Kafka timestamp is in [--from, --to) with their original "
                + "key, value and headers (byte for byte) and timestamp, each to its original partition number in the "
                + "target topic, in offset order per partition, with an idempotent acks=all producer.",
                "Records the consumers dead-lettered are replayed too (they were in the topic), unless "
                        + "--skip-dead-lettered. A target topic with fewer partitions than a record's partition fails "
                        + "the run before anything is sent.",
                "S3: S3_BUCKET (required), S3_PREFIX, S3_ENDPOINT, S3_REGION (us-east-1), S3_PATH_STYLE, the AWS "
                        + "credentials chain; Kafka: as for the other commands (KAFKA_BROKERS, ...).",
                "Exit 0 when every selected record was sent (or --dry-run), 1 when some were not, 2 on a usage "
                        + "error, 3 when S3 or Kafka cannot be reached."})
public final class ReplayCommand implements Callable<Integer> {

    /** Legal Kafka topic names. */
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    @Option(names = "--topic", required = true, paramLabel = "<topic>", description = "The archived catalog topic.")
    private String topic;

    @Option(names = "--from", required = true, paramLabel = "<time>",
            description = "Records at or after this time: an ISO-8601 instant (2026-11-24T10:00:00Z) or a duration "
                    + "ago (30m, 1h, 7d).")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "<time>",
            description = "Records before this time: an instant or a duration ago.")
    private String to;

    @Option(names = "--target-topic", paramLabel = "<topic>",
            description = "Publish here instead of the archived topic; it needs at least as many partitions.")
    private String targetTopic;

    @Option(names = "--rate", paramLabel = "<n/s>",
            description = "At most this many records per second across all partitions (500/s or 500); default: as "
                    + "fast as Kafka takes them.")
    private String rate;

    @Option(names = "--partition", split = ",", arity = "1..*", paramLabel = "<p>",
            description = "Only these partitions (repeat, list or separate with commas).")
    private List<Integer> partitions = new ArrayList<>();

    @Option(names = "--skip-dead-lettered",
            description = "Leave out records archived with a dead-letter reason (sent to <topic>-dlq by a consumer).")
    private boolean skipDeadLettered;

    @Option(names = "--dry-run", description = "Read and count what would be sent, without connecting to Kafka.")
    private boolean dryRun;

    @Option(names = "--no-progress", description = "No progress on stderr.")
    private boolean noProgress;

    @Mixin
    private S3Options s3 = new S3Options();

    private final CliContext context;

    public ReplayCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ReplayRequest request = request();
        ArchiveClassPath.require();
        return new ArchiveReplay(context).run(request);
    }

    /** The options, parsed and checked. */
    ReplayRequest request() throws UsageException {
        String source = ArchivedTopics.one(topic);
        String target = source;
        if (targetTopic != null) {
            target = targetTopic.trim();
            if (!TOPIC_NAME.matcher(target).matches() || target.equals(".") || target.equals("..")) {
                throw new UsageException("--target-topic must be a Kafka topic name (letters, digits, '.', '_', '-'; "
                        + "at most 249), got '" + targetTopic + "'");
            }
        }
        for (Integer partition : partitions) {
            if (partition < 0) {
                throw new UsageException("--partition must not be negative, got " + partition);
            }
        }
        return new ReplayRequest(source, target, TimeWindow.parse(from, to, context.clock()), RateText.parse(rate),
                dryRun, skipDeadLettered, new TreeSet<>(partitions), !noProgress, s3.location(context.env()));
    }
}
