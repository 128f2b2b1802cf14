package io.agentobs.cli.redrive;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RedriveProgressTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(written, true, StandardCharsets.UTF_8);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void plainProgressWritesOneSentenceWithTheScannedShareOnClose() {
        try (RedriveProgress progress = new RedriveProgress(err, true, false, 4_000, "redriven", clock)) {
            progress.update(1_000, 120, 118, 2);
        }

        assertThat(output()).isEqualTo("redrive: 25% scanned (1,000 of 4,000), 120 matched, 118 redriven, "
                + "2 skipped, 0:00 elapsed\n");
    }

    @Test
    void interactiveProgressRedrawsABarInPlaceAndEndsTheLineOnClose() {
        try (RedriveProgress progress = new RedriveProgress(err, true, true, 10, "to redrive", clock)) {
            progress.update(5, 3, 2, 1);
        }

        String text = output();
        assertThat(text).startsWith("\r[").endsWith("\n");
        assertThat(text.split("\r")[1]).contains(" 50%", "5/10 scanned", "3 matched", "2 to redrive", "1 skipped");
    }

    @Test
    void disabledProgressWritesNothing() {
        try (RedriveProgress progress = new RedriveProgress(err, false, true, 10, "redriven", clock)) {
            progress.update(5, 3, 2, 1);
        }

        assertThat(output()).isEmpty();
    }

    @Test
    void emptyDeadLetterTopicIsFullyScanned() {
        try (RedriveProgress progress = new RedriveProgress(err, true, false, 0, "redriven", clock)) {
            progress.update(0, 0, 0, 0);
        }

        assertThat(output()).startsWith("redrive: 100% scanned (0 of 0)");
    }

    private String output() {
        return written.toString(StandardCharsets.UTF_8);
    }
}
