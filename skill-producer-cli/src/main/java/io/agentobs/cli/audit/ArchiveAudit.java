package io.agentobs.cli.audit;

import io.agentobs.audit.archive.ArchiveVerifier;
import io.agentobs.cli.CliContext;
import io.agentobs.cli.ExitCodes;
import io.agentobs.cli.ResultPrinter;
import io.agentobs.cli.UnavailableException;
import io.agentobs.cli.archive.ArchiveListing;
import io.agentobs.cli.archive.ArchiveSession;
import io.agentobs.cli.progress.ProgressDisplay;
import io.agentobs.cli.progress.ProgressText;
import io.agentobs.cli.progress.Terminal;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one {@code audit verify}: lists each topic's files, reads their footers, checks each partition's offset
 * coverage with {@link ArchiveVerifier} and prints the {@link CoverageReport}. Exit 0 when contiguous, 1 otherwise;
 * an unreadable archive propagates as {@link UnavailableException} (exit 3).
 */
final class ArchiveAudit {

    private final CliContext context;

    ArchiveAudit(CliContext context) {
        this.context = context;
    }

    int run(VerifyRequest request) throws UnavailableException {
        long start = System.nanoTime();
        List<TopicCoverage> topics = new ArrayList<>();
        try (ArchiveSession session = ArchiveSession.open(request.location())) {
            for (String topic : request.topics()) {
                ArchiveListing listing = read(session, topic, request);
                topics.add(new TopicCoverage(topic, ArchiveVerifier.verify(listing.infos()), listing.vanished()));
            }
        }
        CoverageReport report = new CoverageReport(request.location().describe(), request.window(), topics,
                (System.nanoTime() - start) / 1_000_000);
        if (request.format() == ReportFormat.JSON) {
            ResultPrinter.print(context.out(), report.json());
        } else {
            context.out().print(report.text());
            context.out().flush();
        }
        return report.contiguous() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** The topic's listing, with a bar of footers read when stderr is a terminal and there are footers to read. */
    private ArchiveListing read(ArchiveSession session, String topic, VerifyRequest request)
            throws UnavailableException {
        if (!request.progress() || !Terminal.interactive(context)) {
            return session.list(topic, request.window(), (done, total) -> {
            });
        }
        FooterBar bar = new FooterBar(topic);
        try {
            return session.list(topic, request.window(), bar::update);
        } finally {
            bar.close();
        }
    }

    /** The bar of one topic's footer reads, drawn from the first footer on. */
    private final class FooterBar implements AutoCloseable {

        private final String topic;
        private ProgressDisplay display;
        private int done;
        private int total;

        FooterBar(String topic) {
            this.topic = topic;
        }

        void update(int done, int total) {
            this.done = done;
            this.total = total;
            if (display == null) {
                display = new ProgressDisplay(context.err(), true, context.clock(), (interactive, elapsed) ->
                        ProgressText.bar(this.done, this.total) + "  " + topic + ": " + ProgressText.count(this.done)
                                + "/" + ProgressText.count(this.total) + " footers  " + ProgressText.clock(elapsed));
            }
            display.refresh();
        }

        @Override
        public void close() {
            if (display != null) {
                display.close();
            }
        }
    }
}
