package io.agentobs.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentobs.cli.MutableClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

class ProgressReporterTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(written, true, StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2025-10-20T18:30:00Z"));

    @Test
    void interactiveRedrawsTheBarInPlaceAndEndsTheLineOnClose() {
        ProgressReporter progress = new ProgressReporter(err, true, 1_000, Duration.ofSeconds(10), clock);

        progress.update(0, 0);
        clock.advance(Duration.ofSeconds(5));
        progress.update(500, 0);
        progress.close();

        String text = output();
        assertThat(text).startsWith("\r[").doesNotContain("\n\r").endsWith("\n");
        assertThat(text.chars().filter(c -> c == '\r').count()).isEqualTo(3);
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        String[] redraws = text.split("\r");
        assertThat(redraws[2]).contains(" 50%", "500 sent", "0 failed", "100/s", "0:05 / 0:10");
        assertThat(redraws[3].strip()).contains(" 50%", "500 sent");
    }

    @Test
    void interactiveRedrawsAtMostFiveTimesPerSecond() {
        ProgressReporter progress = new ProgressReporter(err, true, -1, Duration.ofMinutes(1), clock);

        for (int millis = 0; millis < 1_000; millis++) {
            progress.update(millis, 0);
            clock.advance(Duration.ofMillis(1));
        }

        assertThat(output().chars().filter(c -> c == '\r').count()).isEqualTo(5);
    }

    @Test
    void interactiveBlanksTheRestOfALongerPreviousLine() {
        ProgressReporter progress = new ProgressReporter(err, true, -1, null, clock);

        progress.update(1_000_000, 1_000_000);
        clock.advance(Duration.ofSeconds(1));
        progress.update(1, 0);

        String[] redraws = output().split("\r");
        assertThat(redraws[2]).hasSameSizeAs(redraws[1]).endsWith(" ");
    }

    @Test
    void nonInteractiveWritesAPlainLineEveryFiveSecondsAndAFinalOne() {
        ProgressReporter progress = new ProgressReporter(err, false, 10_000, Duration.ofSeconds(20), clock);

        for (int second = 0; second < 12; second++) {
            progress.update(second * 500L, 0);
            clock.advance(Duration.ofSeconds(1));
        }
        progress.update(6_000, 2);
        progress.close();

        String text = output();
        assertThat(text).doesNotContain("\r").doesNotContain("[=");
        assertThat(text.lines().toList()).containsExactly(
                "simulate: 25% done, 2,500 sent, 0 failed, 500 events/s, 0:05 elapsed of 0:20",
                "simulate: 50% done, 5,000 sent, 0 failed, 500 events/s, 0:10 elapsed of 0:20",
                "simulate: 60% done, 6,000 sent, 2 failed, 500 events/s, 0:12 elapsed of 0:20");
    }

    @Test
    void progressFollowsTimeWhenTheEventTotalIsUnknown() {
        ProgressReporter progress = new ProgressReporter(err, false, -1, Duration.ofSeconds(40), clock);

        clock.advance(Duration.ofSeconds(10));
        progress.close();

        assertThat(output()).startsWith("simulate: 25% done, 0 sent");
    }

    @Test
    void withoutTotalOrDurationShowsCountsOnly() {
        ProgressReporter progress = new ProgressReporter(err, true, -1, null, clock);

        clock.advance(Duration.ofSeconds(2));
        progress.update(4_000, 0);
        progress.close();

        assertThat(output()).doesNotContain("[", "%").contains("4,000 sent  0 failed  2,000/s  0:02");
    }

    @Test
    void closeWritesTheFinalLineOnlyOnce() {
        ProgressReporter progress = new ProgressReporter(err, true, 100, null, clock);

        progress.close();
        progress.close();
        progress.update(100, 0);

        assertThat(output()).endsWith("\n");
        assertThat(output().chars().filter(c -> c == '\n').count()).isEqualTo(1);
        assertThat(output().chars().filter(c -> c == '\r').count()).isEqualTo(1);
    }

    private String output() {
        return written.toString(StandardCharsets.UTF_8);
    }
}
