package io.agentobs.cli.redrive;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Redrive progress on stderr in {@code simulate}'s style: a line redrawn in place at most five times a second on a
 * terminal, a plain line every five seconds otherwise, the final state on {@link #close}; nothing when disabled.
 */
final class RedriveProgress implements AutoCloseable {

    private static final int BAR_WIDTH = 30;
    private static final long INTERACTIVE_INTERVAL_MS = 200;
    private static final long PLAIN_INTERVAL_MS = 5_000;

    private final PrintStream err;
    private final boolean enabled;
    private final boolean interactive;
    private final long total;
    private final String sentLabel;
    private final Clock clock;
    private final long startMillis;
    private long nextDrawMillis;
    private int drawnLength;
    private long scanned;
    private long matched;
    private long sent;
    private long skipped;
    private boolean closed;

    /**
     * @param total records to scan, as the end offsets say
     * @param sentLabel what the sent count is called: {@code redriven}, or {@code to redrive} in a dry run
     */
    RedriveProgress(PrintStream err, boolean enabled, boolean interactive, long total, String sentLabel,
            Clock clock) {
        this.err = err;
        this.enabled = enabled;
        this.interactive = interactive;
        this.total = total;
        this.sentLabel = sentLabel;
        this.clock = clock;
        this.startMillis = clock.millis();
        this.nextDrawMillis = interactive ? startMillis : startMillis + PLAIN_INTERVAL_MS;
    }

    /** Records the counts so far and redraws if a redraw is due; cheap enough to call for every record. */
    void update(long scanned, long matched, long sent, long skipped) {
        this.scanned = scanned;
        this.matched = matched;
        this.sent = sent;
        this.skipped = skipped;
        if (!enabled || closed) {
            return;
        }
        long now = clock.millis();
        if (now < nextDrawMillis) {
            return;
        }
        nextDrawMillis = now + (interactive ? INTERACTIVE_INTERVAL_MS : PLAIN_INTERVAL_MS);
        draw(now);
    }

    @Override
    public void close() {
        if (!enabled || closed) {
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
        String elapsed = clock(Duration.ofMillis(Math.max(0, now - startMillis)));
        int percent = total <= 0 ? 100 : (int) Math.min(100, scanned * 100 / total);
        String counts = count(matched) + " matched, " + count(sent) + " " + sentLabel + ", " + count(skipped)
                + " skipped";
        if (!interactive) {
            err.println("redrive: " + percent + "% scanned (" + count(scanned) + " of " + count(total) + "), "
                    + counts + ", " + elapsed + " elapsed");
            err.flush();
            return;
        }
        int filled = percent * BAR_WIDTH / 100;
        StringBuilder line = new StringBuilder(112).append('[');
        for (int i = 0; i < BAR_WIDTH; i++) {
            line.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        line.append("] ").append(String.format(Locale.ROOT, "%3d%%", percent)).append("  ").append(count(scanned))
                .append('/').append(count(total)).append(" scanned, ").append(counts).append("  ").append(elapsed);
        StringBuilder redraw = new StringBuilder(line.length() + 8).append('\r').append(line);
        // Blank out what is left of a longer previous line.
        for (int i = line.length(); i < drawnLength; i++) {
            redraw.append(' ');
        }
        drawnLength = line.length();
        err.print(redraw);
        err.flush();
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
