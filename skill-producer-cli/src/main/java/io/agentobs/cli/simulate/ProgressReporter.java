package io.agentobs.cli.simulate;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Progress of a long run on a terminal: a one-line bar redrawn in place when interactive, periodic plain lines
 * otherwise.
 *
 * <p>{@link #update} is cheap enough to call for every event: it reads the clock and returns unless a redraw is due
 * (at most five per second on a terminal, one line every five seconds otherwise). {@link #close} writes the final
 * state and ends the line. Use from one thread at a time.
 */
public final class ProgressReporter implements AutoCloseable {

    private static final Duration INTERACTIVE_INTERVAL = Duration.ofMillis(200);
    private static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);

    private final PrintStream err;
    private final boolean interactive;
    private final long expectedTotal;
    private final Duration expectedDuration;
    private final Clock clock;
    private final long startMillis;
    private final long intervalMillis;
    private long nextDrawMillis;
    private long sent;
    private long failed;
    private int drawnLength;
    private boolean closed;

    /**
     * @param expectedTotal    events the run should send, or -1 if unknown (then progress is measured by time)
     * @param expectedDuration how long the run should take, or null if unknown
     */
    public ProgressReporter(PrintStream err, boolean interactive, long expectedTotal, Duration expectedDuration,
            Clock clock) {
        this.err = Objects.requireNonNull(err, "err");
        this.interactive = interactive;
        this.expectedTotal = expectedTotal;
        this.expectedDuration = expectedDuration;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startMillis = clock.millis();
        this.intervalMillis = (interactive ? INTERACTIVE_INTERVAL : PLAIN_INTERVAL).toMillis();
        this.nextDrawMillis = interactive ? startMillis : startMillis + intervalMillis;
    }

    /** Records the counts so far and redraws if a redraw is due. */
    public void update(long sent, long failed) {
        this.sent = sent;
        this.failed = failed;
        if (closed) {
            return;
        }
        long now = clock.millis();
        if (now < nextDrawMillis) {
            return;
        }
        nextDrawMillis = now + intervalMillis;
        draw(now);
    }

    /** Writes the final state and ends the line; later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        draw(clock.millis());
        if (interactive) {
            err.println();
        }
        err.flush();
    }

    private void draw(long now) {
        Duration elapsed = Duration.ofMillis(Math.max(0, now - startMillis));
        if (interactive) {
            String line = ProgressLine.bar(sent, failed, expectedTotal, expectedDuration, elapsed);
            StringBuilder redraw = new StringBuilder(line.length() + 8).append('\r').append(line);
            // Blank out what is left of a longer previous line.
            for (int i = line.length(); i < drawnLength; i++) {
                redraw.append(' ');
            }
            drawnLength = line.length();
            err.print(redraw);
        } else {
            err.println(ProgressLine.plain(sent, failed, expectedTotal, expectedDuration, elapsed));
        }
        err.flush();
    }
}
