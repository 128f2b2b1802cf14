package io.agentobs.cli.simulate;

import io.agentobs.cli.progress.ProgressText;

import java.time.Duration;

/** Formats one {@code simulate} progress report: a bar for terminals, or a plain sentence for logs and pipes. */
final class ProgressLine {

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
            line.append(ProgressText.bar(fraction)).append("  ");
        }
        line.append(ProgressText.count(sent)).append(" sent  ").append(ProgressText.count(failed)).append(" failed  ")
                .append(ProgressText.count(ProgressText.perSecond(sent, elapsed))).append("/s  ")
                .append(ProgressText.clock(elapsed));
        if (expectedDuration != null && !expectedDuration.isZero() && !expectedDuration.isNegative()) {
            line.append(" / ").append(ProgressText.clock(expectedDuration));
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
        line.append(ProgressText.count(sent)).append(" sent, ").append(ProgressText.count(failed)).append(" failed, ")
                .append(ProgressText.count(ProgressText.perSecond(sent, elapsed))).append(" events/s, ")
                .append(ProgressText.clock(elapsed)).append(" elapsed");
        if (expectedDuration != null && !expectedDuration.isZero() && !expectedDuration.isNegative()) {
            line.append(" of ").append(ProgressText.clock(expectedDuration));
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
}
