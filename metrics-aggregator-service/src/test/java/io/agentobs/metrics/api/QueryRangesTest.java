package io.agentobs.metrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.agentobs.metrics.window.Windows;

import org.junit.jupiter.api.Test;

/** Reading from, to and resolution: the time forms, the windows a range covers, the automatic resolution, the 400s. */
class QueryRangesTest {

    private static final Instant NOW = Instant.parse("2025-10-20T18:47:32.250Z");
    private static final QueryRanges RANGES = new QueryRanges(Windows.of(Duration.ofSeconds(5), Duration.ofHours(2),
            Duration.ofDays(2), Duration.ofDays(8), Duration.ofDays(35), Duration.ofSeconds(60)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void relativeTimesCountBackFromNowAndToDefaultsToNow() {
        QueryRange range = RANGES.parse("15m", null, "5s");
        assertThat(range.from()).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
        assertThat(range.to()).isEqualTo(NOW);
        assertThat(RANGES.parse("2h", "30s", "1m").to()).isEqualTo(NOW.minusSeconds(30));
        assertThat(RANGES.parse("7d", "now", "1h").from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(RANGES.parse(null, null, "5s").from()).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
    }

    @Test
    void isoInstantsWithZOrAnOffsetAreRead() {
        QueryRange range = RANGES.parse("2025-10-20T20:00:00+02:00", "2025-10-20T18:30:00Z", "1m");
        assertThat(range.from()).isEqualTo(Instant.parse("2025-10-20T18:00:00Z"));
        assertThat(range.windows()).isEqualTo(30);
    }

    @Test
    void aRangeCoversEveryAlignedWindowOverlappingIt() {
        QueryRange range = RANGES.parse("2025-10-20T18:00:03Z", "2025-10-20T18:00:12Z", "5s");
        assertThat(range.windowStarts()).containsExactly(1760983200L, 1760983205L, 1760983210L);
        assertThat(RANGES.parse("2025-10-20T18:00:00Z", "2025-10-20T18:00:10Z", "5s").windows())
                .as("to is exclusive").isEqualTo(2);
        assertThat(RANGES.parse("2025-10-20T18:00:03Z", "2025-10-20T18:00:04Z", "1h").windowStarts())
                .containsExactly(1760983200L);
    }

    @Test
    void withoutResolutionTheCoarsestCoveringTheRangeWithinTenPercentIsChosen() {
        assertThat(RANGES.parse("2025-10-20T12:00:00Z", "2025-10-20T18:00:00Z", null).resolution().label()).isEqualTo("1h");
        assertThat(RANGES.parse("2025-10-20T18:00:00Z", "2025-10-20T18:15:00Z", null).resolution().label()).isEqualTo("5m");
        assertThat(RANGES.parse("1d", null, null).resolution().label()).isEqualTo("1h");
        assertThat(RANGES.parse("1h", null, null).resolution().label()).as("13 windows of 5m").isEqualTo("5m");
        assertThat(RANGES.parse("15m", null, null).resolution().label()).as("16 windows of 1m").isEqualTo("1m");
        assertThat(RANGES.parse("2m", null, null).resolution().label()).isEqualTo("5s");
        assertThat(RANGES.parse("7s", null, null).resolution().label()).as("nothing fits: the base").isEqualTo("5s");
    }

    @Test
    void unparseableTimeIsABadFromOrTo() {
        assertInvalid(() -> RANGES.parse("yesterday", null, null), "from", "yesterday");
        assertInvalid(() -> RANGES.parse("15m", "2025-13-01T00:00:00Z", null), "to", "2025-13-01T00:00:00Z");
        assertInvalid(() -> RANGES.parse("15x", null, null), "from", "15x");
        assertInvalid(() -> RANGES.parse("-5m", null, null), "from", "-5m");
        assertInvalid(() -> RANGES.parse("1969-12-31T23:59:59Z", null, null), "from", "1969-12-31T23:59:59Z");
    }

    @Test
    void fromNotBeforeToIsRejected() {
        assertInvalid(() -> RANGES.parse("5m", "10m", null), "from", "5m");
        assertInvalid(() -> RANGES.parse("now", "now", null), "from", "now");
    }

    @Test
    void unknownResolutionNamesTheAllowedOnes() {
        InvalidParameterException e = assertInvalid(() -> RANGES.parse("15m", null, "10s"), "resolution", "10s");
        assertThat(e.allowed()).containsExactly("5s", "1m", "5m", "1h");
    }

    @Test
    void moreThanTenThousandWindowsIsRejectedWithTheResolutionsThatFit() {
        InvalidParameterException e = assertInvalid(() -> RANGES.parse("1d", null, "5s"), "resolution", "5s");
        assertThat(e.allowed()).containsExactly("1m", "5m", "1h");
        assertThat(e.getMessage()).contains("17281 windows of 5s").contains("10000");
        assertThat(RANGES.parse("13h", null, "5s").windows()).isLessThanOrEqualTo(QueryRanges.MAX_WINDOWS);
        InvalidParameterException tooLong = assertInvalid(() -> RANGES.parse("500d", null, null), "from", "500d");
        assertThat(tooLong.allowed()).containsExactly("a range of at most 10000 windows");
    }

    static InvalidParameterException assertInvalid(Runnable call, String parameter, String value) {
        try {
            call.run();
        } catch (InvalidParameterException e) {
            assertThat(e.parameter()).isEqualTo(parameter);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.allowed()).isNotEmpty();
            return e;
        }
        assertThatThrownBy(call::run).as("a 400 for %s", parameter).isInstanceOf(InvalidParameterException.class);
        throw new AssertionError("unreachable");
    }
}
