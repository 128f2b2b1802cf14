package io.agentobs.cli.progress;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The progress line of a long-running command on stderr ({@code simulate}, {@code redrive}, {@code replay}): redrawn
 * in place at most five times a second on a terminal, written as a plain line every five seconds otherwise, and
 * drawn a last time by {@link #close}.
 *
 * <p>The owner keeps the counts and says what the line reads ({@link Text}). {@link #refresh} is cheap enough to
 * call for every record: it reads the clock and returns unless a redraw is due. Use from one thread at a time.
 */
public final class ProgressDisplay implements AutoCloseable {

    /** What the progress line reads after {@code elapsed}: a bar for a terminal, a sentence otherwise. */
    @FunctionalInterface
    public interface Text {

        String line(boolean interactive, Duration elapsed);
    }

    private static final long INTERACTIVE_INTERVAL_MS = 200;
    private static final long PLAIN_INTERVAL_MS = 5_000;

    private final PrintStream err;
    private final boolean interactive;
    private final Clock clock;
    private final Text text;
    private final long startMillis;
    private final long intervalMillis;
    private long nextDrawMillis;
    private int drawnLength;
    private boolean closed;

    /**
     * @param interactive stderr is a terminal: redraw one line in place; else append a plain line now and then
     */
    public ProgressDisplay(PrintStream err, boolean interactive, Clock clock, Text text) {
        this.err = Objects.requireNonNull(err, "err");
        this.interactive = interactive;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.text = Objects.requireNonNull(text, "text");
        this.startMillis = clock.millis();
        this.intervalMillis = interactive ? INTERACTIVE_INTERVAL_MS : PLAIN_INTERVAL_MS;
        this.nextDrawMillis = interactive ? startMillis : startMillis + intervalMillis;
    }

    /** Redraws if a redraw is due; does nothing once closed. */
    public void refresh() {
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

    /** Draws the final state and ends the line; later calls do nothing. */
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
        String line = text.line(interactive, Duration.ofMillis(Math.max(0, now - startMillis)));
        if (interactive) {
            StringBuilder redraw = new StringBuilder(line.length() + 8).append('\r').append(line);
            // Blank out what is left of a longer previous line.
            for (int i = line.length(); i < drawnLength; i++) {
                redraw.append(' ');
            }
            drawnLength = line.length();
            err.print(redraw);
        } else {
            err.println(line);
        }
        err.flush();
    }
}
