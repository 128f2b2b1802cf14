package io.agentobs.cli.replay;

import io.agentobs.cli.progress.ProgressDisplay;
import io.agentobs.cli.progress.ProgressText;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * Replay progress on stderr ({@link ProgressDisplay}, as {@code simulate}'s and {@code redrive}'s): the share of the
 * archived records read, and how many were sent and skipped; nothing when disabled.
 */
final class ReplayProgress implements AutoCloseable {

    private final ProgressDisplay display;
    private final long total;
    private final String sentLabel;
    private long read;
    private long sent;
    private long skipped;

    /**
     * @param total records in the files to read, as their footers say
     * @param sentLabel what the sent count is called: {@code sent}, or {@code to send} in a dry run
     */
    ReplayProgress(PrintStream err, boolean enabled, boolean interactive, long total, String sentLabel, Clock clock) {
        this.total = total;
        this.sentLabel = sentLabel;
        this.display = enabled ? new ProgressDisplay(err, interactive, clock, this::line) : null;
    }

    /** Records the counts so far and redraws if a redraw is due; cheap enough to call for every record. */
    void update(long read, long sent, long skipped) {
        this.read = read;
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
        long rate = ProgressText.perSecond(sent, elapsed);
        if (!interactive) {
            int percent = total <= 0 ? 100 : (int) Math.min(100, read * 100 / total);
            return "replay: " + percent + "% read (" + ProgressText.count(read) + " of " + ProgressText.count(total)
                    + "), " + ProgressText.count(sent) + " " + sentLabel + ", " + ProgressText.count(skipped)
                    + " skipped, " + ProgressText.count(rate) + " records/s, " + ProgressText.clock(elapsed)
                    + " elapsed";
        }
        return ProgressText.bar(read, total) + "  " + ProgressText.count(read) + '/' + ProgressText.count(total)
                + " read  " + ProgressText.count(sent) + " " + sentLabel + "  " + ProgressText.count(skipped)
                + " skipped  " + ProgressText.count(rate) + "/s  " + ProgressText.clock(elapsed);
    }
}
