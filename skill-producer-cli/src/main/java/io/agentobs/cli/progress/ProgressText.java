package io.agentobs.cli.progress;

import java.time.Duration;
import java.util.Locale;

/** The pieces progress lines are written with: the bar, counts with thousands separators, rates, elapsed clocks. */
public final class ProgressText {

    private static final int BAR_WIDTH = 30;

    private ProgressText() {
    }

    /** {@code [=========>                    ]  31%} for {@code done} of {@code total}; full when total is 0. */
    public static String bar(long done, long total) {
        if (total <= 0 || done >= total) {
            return bar(BAR_WIDTH, 100);
        }
        long shown = Math.max(0, done);
        return bar((int) (shown * BAR_WIDTH / total), (int) (shown * 100 / total));
    }

    /** The bar for a share done in [0, 1] (clamped). */
    public static String bar(double fraction) {
        double share = Math.max(0, Math.min(1, fraction));
        return bar((int) Math.floor(share * BAR_WIDTH), (int) Math.floor(share * 100));
    }

    private static String bar(int filled, int percent) {
        StringBuilder bar = new StringBuilder(BAR_WIDTH + 8).append('[');
        for (int i = 0; i < BAR_WIDTH; i++) {
            bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return bar.append("] ").append(String.format(Locale.ROOT, "%3d%%", percent)).toString();
    }

    /** {@code 12,345}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code count} per second of {@code elapsed}, rounded; 0 before any time has passed. */
    public static long perSecond(long count, Duration elapsed) {
        long millis = elapsed.toMillis();
        return millis <= 0 ? 0 : Math.round(count * 1000.0 / millis);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    public static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
