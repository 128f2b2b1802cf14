package io.agentobs.cli.simulate;

import java.time.Duration;
import java.util.Locale;

/** Formats one progress report: a bar for terminals, or a plain sentence for logs and pipes. */
final class ProgressLine {

    private static final int BAR_WIDTH = 30;
    private static final double UNKNOWN = -1;

    private ProgressLine() {
    }

    /**
     * {@code [=========>          ]  31%  12,345 sent  2 failed  4,100/s  0:03 / 0:10}; without a bar and percentage
     * when neither the total nor the duration is known.
     */
    static String bar(long sent, long failed, long expectedTotal, Duration expectedDuration, Duration elapsed) {
        StringBuilder line = new StringBuilder(96);
        double fraction = fraction(sent + failed, expectedTotal, expectedDuration, elapsed);
        if (fraction != UNKNOWN) {
            int filled = (int) Math.floor(fraction * BAR_WIDTH);
            line.append('[');
            for (int i = 0; i < BAR_WIDTH; i++) {
                line.append(i < filled ? '=' : i == filled ? '>' : ' ');
            }
            line.append("] ").append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100))).append("  ");
        }
        line.append(count(sent)).append(" sent  ").append(count(failed)).append(" failed  ")
                .append(count(rate(sent, elapsed))).append("/s  ").append(clock(elapsed));
        if (expectedDuration != null && !expectedDuration.isZero() && !expectedDuration.isNegative()) {
            line.append(" / ").append(clock(expectedDuration));
        }
        return line.toString();
    }

    /** {@code simulate: 31% done, 12,345 sent, 2 failed, 4,100 events/s, 0:03 elapsed of 0:10}. */
    static String plain(long sent, long failed, long expectedTotal, Duration expectedDuration, Duration elapsed) {
        StringBuilder line = new StringBuilder(96).append("simulate: ");
        double fraction = fraction(sent + failed, expectedTotal, expectedDuration, elapsed);
        if (fraction != UNKNOWN) {
            line.append((int) Math.floor(fraction * 100)).append("% done, ");
        }
        line.append(count(sent)).append(" sent, ").append(count(failed)).append(" failed, ")
                .append(count(rate(sent, elapsed))).append(" events/s, ").append(clock(elapsed)).append(" elapsed");
        if (expectedDuration != null && !expectedDuration.isZero() && !expectedDuration.isNegative()) {
            line.append(" of ").append(clock(expectedDuration));
        }
        return line.toString();
    }

    /** Share done in [0, 1] by events when their total is known, else by time; {@link #UNKNOWN} if neither is. */
    private static double fraction(long done, long expectedTotal, Duration expectedDuration, Duration elapsed) {
        if (expectedTotal > 0) {
            return Math.min(1.0, (double) done / expectedTotal);
        }
        if (expectedDuration != null && expectedDuration.toMillis() > 0) {
            return Math.min(1.0, (double) elapsed.toMillis() / expectedDuration.toMillis());
        }
        return UNKNOWN;
    }

    private static long rate(long sent, Duration elapsed) {
        long millis = elapsed.toMillis();
        return millis <= 0 ? 0 : Math.round(sent * 1000.0 / millis);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
