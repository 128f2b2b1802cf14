package io.agentobs.dbwriter.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** How --from, --to and the duration options are read. */
class TimeRangeTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:34:56Z");

    @Test
    void instantsAreTakenAsGiven() {
        TimeRange range = TimeRange.parse("2026-11-24T00:00:00Z", "2026-11-24T01:00:00Z", NOW);

        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
    }

    @Test
    void offsetsAreNormalisedToUtcAndDatesMeanMidnightUtc() {
        TimeRange range = TimeRange.parse("2026-11-24", "2026-11-24T03:00:00+02:00", NOW);

        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
    }

    @Test
    void toDefaultsToNow() {
        assertThat(TimeRange.parse("2026-11-24T00:00:00Z", null, NOW).to()).isEqualTo(NOW);
        assertThat(TimeRange.parse("2026-11-24T00:00:00Z", " ", NOW).to()).isEqualTo(NOW);
    }

    @Test
    void durationFromCountsBackFromTo() {
        assertThat(TimeRange.parse("1h", null, NOW).from()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(TimeRange.parse("90m", "2026-11-24T01:00:00Z", NOW).from())
                .isEqualTo(Instant.parse("2026-11-23T23:30:00Z"));
        assertThat(TimeRange.parse("PT15M", null, NOW).from()).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
    }

    @Test
    void windowIncludesFromAndExcludesTo() {
        TimeRange range = TimeRange.parse("2026-11-24T00:00:00Z", "2026-11-24T01:00:00Z", NOW);

        assertThat(range.contains(Instant.parse("2026-11-24T00:00:00Z"))).isTrue();
        assertThat(range.contains(Instant.parse("2026-11-24T00:59:59.999999999Z"))).isTrue();
        assertThat(range.contains(Instant.parse("2026-11-24T01:00:00Z"))).isFalse();
        assertThat(range.contains(Instant.parse("2026-11-23T23:59:59Z"))).isFalse();
    }

    @Test
    void unreadableTimesNameTheOption() {
        assertThatThrownBy(() -> TimeRange.parse("yesterday", null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--from").hasMessageContaining("1h");
        assertThatThrownBy(() -> TimeRange.parse("1h", "2026-11-24 01:00", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--to");
        assertThatThrownBy(() -> TimeRange.parse("2026-11-24T00:00:00", null, NOW))
                .as("a date-time without offset is ambiguous").hasMessageContaining("--from");
    }

    @Test
    void emptyOrReversedWindowIsRejected() {
        assertThatThrownBy(() -> TimeRange.parse("2026-11-24T01:00:00Z", "2026-11-24T01:00:00Z", NOW))
                .hasMessageContaining("must be before --to");
        assertThatThrownBy(() -> TimeRange.parse("0s", null, NOW)).hasMessageContaining("must be before --to");
    }

    @Test
    void durationsAcceptShortAndIsoForms() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationConverter.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationConverter.parse("pt5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationConverter.parse("0s")).isZero();
    }

    @Test
    void negativeOrUnknownDurationsAreRejected() {
        assertThatThrownBy(() -> DurationConverter.parse("5x")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationConverter.parse("-5m")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationConverter.parse("PT-5M")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationConverter.parse("")).hasMessageContaining("not a duration");
    }
}
