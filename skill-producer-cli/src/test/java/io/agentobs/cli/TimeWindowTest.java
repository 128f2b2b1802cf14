package io.agentobs.cli;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void windowIsHalfOpen() throws UsageException {
        TimeWindow window = TimeWindow.parse("2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z", CLOCK);
        long from = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();
        long to = Instant.parse("2026-11-24T11:00:00Z").toEpochMilli();

        assertThat(window.contains(from)).isTrue();
        assertThat(window.contains(to - 1)).isTrue();
        assertThat(window.contains(to)).isFalse();
        assertThat(window.contains(from - 1)).isFalse();
    }

    @Test
    void relativeTimesCountBackFromNow() throws UsageException {
        TimeWindow window = TimeWindow.parse("1h", "30m", CLOCK);

        assertThat(window.from()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
        assertThat(window.to()).isEqualTo(Instant.parse("2026-11-24T11:30:00Z"));
    }

    @Test
    void openEndsContainEverythingOnThatSide() throws UsageException {
        TimeWindow open = TimeWindow.parse(null, null, CLOCK);

        assertThat(open.contains(0)).isTrue();
        assertThat(open.overlaps(0, Long.MAX_VALUE)).isTrue();
    }

    @Test
    void aFileOverlapsWhenItsTimestampsReachIntoTheWindow() throws UsageException {
        TimeWindow window = TimeWindow.parse("2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z", CLOCK);
        long from = window.from().toEpochMilli();
        long to = window.to().toEpochMilli();

        assertThat(window.overlaps(from - 10, from)).isTrue();
        assertThat(window.overlaps(to - 1, to + 10)).isTrue();
        assertThat(window.overlaps(from - 10, from - 1)).isFalse();
        assertThat(window.overlaps(to, to + 10)).isFalse();
    }

    @Test
    void fromMustBeBeforeTo() {
        assertThatThrownBy(() -> TimeWindow.parse("30m", "1h", CLOCK))
                .isInstanceOf(UsageException.class).hasMessageContaining("--from").hasMessageContaining("--to");
        assertThatThrownBy(() -> TimeWindow.parse("yesterday", null, CLOCK))
                .isInstanceOf(UsageException.class).hasMessageContaining("--from");
    }
}
