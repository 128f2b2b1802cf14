package io.agentobs.cli.simulate;

import io.agentobs.cli.progress.ProgressDisplay;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * Progress of a {@code simulate} run on stderr ({@link ProgressDisplay}): a bar redrawn in place when interactive,
 * periodic plain lines otherwise, the final state on {@link #close}. Use from one thread at a time.
 */
public final class ProgressReporter implements AutoCloseable {

    private final ProgressDisplay display;
    private final long expectedTotal;
    private final Duration expectedDuration;
    private long sent;
    private long failed;

    /**
     * @param expectedTotal    events the run should send, or -1 if unknown (then progress is measured by time)
     * @param expectedDuration how long the run should take, or null if unknown
     */
    public ProgressReporter(PrintStream err, boolean interactive, long expectedTotal, Duration expectedDuration,
            Clock clock) {
        this.expectedTotal = expectedTotal;
        this.expectedDuration = expectedDuration;
        this.display = new ProgressDisplay(err, interactive, clock, this::line);
    }

    /** Records the counts so far and redraws if a redraw is due; cheap enough to call for every event. */
    public void update(long sent, long failed) {
        this.sent = sent;
        this.failed = failed;
        display.refresh();
    }

    /** Writes the final state and ends the line; later calls do nothing. */
    @Override
    public void close() {
        display.close();
    }

    private String line(boolean interactive, Duration elapsed) {
        return interactive
                ? ProgressLine.bar(sent, failed, expectedTotal, expectedDuration, elapsed)
                : ProgressLine.plain(sent, failed, expectedTotal, expectedDuration, elapsed);
    }
}
