package io.agentobs.cli.progress;

import io.agentobs.cli.MutableClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressDisplayTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(written, true, StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

    @Test
    void terminalLineIsRedrawnInPlaceAndEndedOnClose() {
        ProgressDisplay display = new ProgressDisplay(err, true, clock,
                (interactive, elapsed) -> (interactive ? "bar " : "plain ") + elapsed.toMillis());

        display.refresh();
        clock.advance(Duration.ofMillis(250));
        display.refresh();
        display.close();

        assertThat(output()).isEqualTo("\rbar 0\rbar 250\rbar 250\n");
    }

    @Test
    void plainLinesAreWrittenEveryFiveSecondsAndOnClose() {
        ProgressDisplay display = new ProgressDisplay(err, false, clock,
                (interactive, elapsed) -> (interactive ? "bar " : "plain ") + elapsed.toSeconds());

        for (int second = 0; second < 11; second++) {
            display.refresh();
            clock.advance(Duration.ofSeconds(1));
        }
        display.close();

        assertThat(output().lines().toList()).containsExactly("plain 5", "plain 10", "plain 11");
    }

    @Test
    void nothingIsDrawnAfterClose() {
        ProgressDisplay display = new ProgressDisplay(err, true, clock, (interactive, elapsed) -> "line");

        display.close();
        display.close();
        clock.advance(Duration.ofSeconds(1));
        display.refresh();

        assertThat(output()).isEqualTo("\rline\n");
    }

    private String output() {
        return written.toString(StandardCharsets.UTF_8);
    }
}
