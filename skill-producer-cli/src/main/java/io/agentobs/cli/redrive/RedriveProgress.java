package io.agentobs.cli.redrive;

import io.agentobs.cli.progress.ProgressDisplay;
import io.agentobs.cli.progress.ProgressText;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * Redrive progress on stderr ({@link ProgressDisplay}, as {@code simulate}'s): the share of the dead-letter topic
 * scanned and what was matched, sent and skipped; nothing when disabled.
 */
final class RedriveProgress implements AutoCloseable {

    private final ProgressDisplay display;
    private final long total;
    private final String sentLabel;
    private long scanned;
    private long matched;
    private long sent;
    private long skipped;

    /**
     * @param total records to scan, as the end offsets say
     * @param sentLabel what the sent count is called: {@code redriven}, or {@code to redrive} in a dry run
     */
    RedriveProgress(PrintStream err, boolean enabled, boolean interactive, long total, String sentLabel,
            Clock clock) {
        this.total = total;
        this.sentLabel = sentLabel;
        this.display = enabled ? new ProgressDisplay(err, interactive, clock, this::line) : null;
    }

    /** Records the counts so far and redraws if a redraw is due; cheap enough to call for every record. */
    void update(long scanned, long matched, long sent, long skipped) {
        this.scanned = scanned;
        this.matched = matched;
        this.sent = sent;
        this.skipped = skipped;
        if (display != null) {
            display.refresh();
        }
    }

    @Override
    public void close() {
        if (display != null) {
            display.close();
        }
    }

    private String line(boolean interactive, Duration elapsed) {
        String counts = ProgressText.count(matched) + " matched, " + ProgressText.count(sent) + " " + sentLabel
                + ", " + ProgressText.count(skipped) + " skipped";
        if (!interactive) {
            int percent = total <= 0 ? 100 : (int) Math.min(100, scanned * 100 / total);
            return "redrive: " + percent + "% scanned (" + ProgressText.count(scanned) + " of "
                    + ProgressText.count(total) + "), " + counts + ", " + ProgressText.clock(elapsed) + " elapsed";
        }
        return ProgressText.bar(scanned, total) + "  " + ProgressText.count(scanned) + '/' + ProgressText.count(total)
                + " scanned, " + counts + "  " + ProgressText.clock(elapsed);
    }
}
