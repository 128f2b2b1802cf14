package io.agentobs.cli;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeBoundTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void instantWithZoneOrOffsetIsTakenAsIs() throws UsageException {
        assertThat(TimeBound.parse("--since", "2026-11-23T10:00:00Z", CLOCK))
                .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(TimeBound.parse("--since", "2026-11-23T11:00:00.5+01:00", CLOCK))
                .isEqualTo(Instant.parse("2026-11-23T10:00:00.5Z"));
    }

    @Test
    void durationMeansThatLongBeforeNow() throws UsageException {
        assertThat(TimeBound.parse("--since", "2h", CLOCK)).isEqualTo(NOW.minus(Duration.ofHours(2)));
        assertThat(TimeBound.parse("--since", "30m", CLOCK)).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
        assertThat(TimeBound.parse("--since", "7d", CLOCK)).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(TimeBound.parse("--since", "500ms", CLOCK)).isEqualTo(NOW.minusMillis(500));
        assertThat(TimeBound.parse("--since", "PT90S", CLOCK)).isEqualTo(NOW.minusSeconds(90));
    }

    @Test
    void absentStaysAbsent() throws UsageException {
        assertThat(TimeBound.parse("--until", null, CLOCK)).isNull();
    }

    @Test
    void malformedTimeNamesTheOption() {
        assertThatThrownBy(() -> TimeBound.parse("--until", "yesterday", CLOCK))
                .isInstanceOf(UsageException.class).hasMessageContaining("--until").hasMessageContaining("yesterday");
        assertThatThrownBy(() -> TimeBound.parse("--since", "2026-11-23T10:00:00", CLOCK))
                .isInstanceOf(UsageException.class).hasMessageContaining("--since");
        assertThatThrownBy(() -> TimeBound.parse("--since", "-2h", CLOCK))
                .isInstanceOf(UsageException.class).hasMessageContaining("--since");
    }
}
