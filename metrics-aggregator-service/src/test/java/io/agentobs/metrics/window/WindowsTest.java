package io.agentobs.metrics.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WindowsTest {

    private final Windows windows = Windows.of(Duration.ofSeconds(5), Duration.ofHours(2), Duration.ofDays(2),
            Duration.ofDays(8), Duration.ofDays(35), Duration.ofSeconds(60));

    @Test
    void windowsStartAtMultiplesOfTheirLengthSinceTheEpoch() {
        long t = Instant.parse("2025-10-20T18:34:57.123Z").toEpochMilli();
        assertThat(windows.resolutions()).extracting(Resolution::label).containsExactly("5s", "1m", "5m", "1h");
        assertThat(windows.resolutions()).extracting(r -> r.windowStart(t)).containsExactly(
                Instant.parse("2025-10-20T18:34:55Z").getEpochSecond(),
                Instant.parse("2025-10-20T18:34:00Z").getEpochSecond(),
                Instant.parse("2025-10-20T18:30:00Z").getEpochSecond(),
                Instant.parse("2025-10-20T18:00:00Z").getEpochSecond());
        assertThat(windows.base().windowEndMillis(t)).isEqualTo(Instant.parse("2025-10-20T18:35:00Z").toEpochMilli());
    }

    @Test
    void timesBeforeTheEpochFloorToTheEarlierWindow() {
        assertThat(windows.base().windowStart(-1)).isEqualTo(-5);
    }

    @Test
    void aBaseWindowOfOneMinuteIsNotCountedTwice() {
        Windows minute = Windows.of(Duration.ofSeconds(60), Duration.ofHours(2), Duration.ofDays(2), Duration.ofDays(8),
                Duration.ofDays(35), Duration.ZERO);
        assertThat(minute.resolutions()).extracting(Resolution::label).containsExactly("1m", "5m", "1h");
        assertThat(minute.resolutions().get(0).ttl()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void anEventIsLateOnlyWhenItsWindowEndedMoreThanTheGraceBeforeTheWatermark() {
        long event = Instant.parse("2025-10-20T18:00:02Z").toEpochMilli();
        long windowEnd = Instant.parse("2025-10-20T18:00:05Z").toEpochMilli();
        assertThat(windows.isLate(event, null)).isFalse();
        assertThat(windows.isLate(event, windowEnd + 60_000)).isFalse();
        assertThat(windows.isLate(event, windowEnd + 60_001)).isTrue();
        assertThat(windows.isLate(event, event - 1)).isFalse();
    }
}
