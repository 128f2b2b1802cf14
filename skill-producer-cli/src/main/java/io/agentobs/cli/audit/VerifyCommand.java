package io.agentobs.cli.audit;

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
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code agentobs audit verify --topic T}: lists the offset gaps and overlaps of each partition's archived files from
 * their keys and Parquet footers. The options are plain values; {@link ArchiveAudit} does the reading.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List offset gaps and overlaps per partition in the audit archive (S3), from the object keys "
                + "and the Parquet footers: the files of a partition must follow each other, each starting at the "
                + "offset where the previous one ends.",
                "--from/--to select files by the hour of their first record (one hour before --from included, as "
                        + "a file may reach into the next hour); without them the whole archive is read.",
                "S3: S3_BUCKET (required), S3_PREFIX, S3_ENDPOINT, S3_REGION (us-east-1), S3_PATH_STYLE, the AWS "
                        + "credentials chain; the options below override them.",
                "Exit 0 when every partition is contiguous, 1 when a gap or overlap exists, 2 on a usage error, 3 "
                        + "when S3 cannot be read."})
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--topic", required = true, split = ",", paramLabel = "<topic>",
            description = "A catalog topic; repeat (or separate with commas) for several, or 'all' for the eight.")
    private List<String> topics = new ArrayList<>();

    @Option(names = "--from", paramLabel = "<time>",
            description = "From this time: an ISO-8601 instant (2026-11-24T10:00:00Z) or a duration ago (30m, 1h, 7d).")
    private String from;

    @Option(names = "--to", paramLabel = "<time>", description = "Before this time: an instant or a duration ago.")
    private String to;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text: a table per topic, a row per partition (default); json: one object.")
    private String format;

    @Option(names = "--no-progress", description = "No progress bar on stderr while footers are read.")
    private boolean noProgress;

    @Mixin
    private S3Options s3 = new S3Options();

    private final CliContext context;

    public VerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        VerifyRequest request = request();
        ArchiveClassPath.require();
        return new ArchiveAudit(context).run(request);
    }

    /** The options, parsed and checked. */
    VerifyRequest request() throws UsageException {
        return new VerifyRequest(ArchivedTopics.parse(topics), TimeWindow.parse(from, to, context.clock()),
                format(format), s3.location(context.env()), !noProgress);
    }

    private static ReportFormat format(String text) throws UsageException {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> ReportFormat.TEXT;
            case "json" -> ReportFormat.JSON;
            default -> throw new UsageException("--format must be text or json, got '" + text + "'");
        };
    }
}
