package io.agentobs.cli.progress;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTextTest {

    @Test
    void barOfCountsUsesExactIntegerShares() {
        assertThat(ProgressText.bar(29, 100)).isEqualTo("[========>                     ]  29%");
        assertThat(ProgressText.bar(1, 3)).endsWith(" 33%");
    }

    @Test
    void barIsFullWhenDoneOrWhenThereIsNothingToDo() {
        assertThat(ProgressText.bar(5, 5)).isEqualTo("[==============================] 100%");
        assertThat(ProgressText.bar(0, 0)).isEqualTo("[==============================] 100%");
    }

    @Test
    void barOfAFractionIsClampedToTheBar() {
        assertThat(ProgressText.bar(0.5)).isEqualTo("[===============>              ]  50%");
        assertThat(ProgressText.bar(1.7)).endsWith("100%");
        assertThat(ProgressText.bar(-0.2)).isEqualTo("[>                             ]   0%");
    }

    @Test
    void countsHaveThousandsSeparatorsAndRatesRound() {
        assertThat(ProgressText.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(ProgressText.perSecond(10, Duration.ofMillis(3_000))).isEqualTo(3);
        assertThat(ProgressText.perSecond(10, Duration.ZERO)).isZero();
    }

    @Test
    void longRunsShowHoursInTheClock() {
        assertThat(ProgressText.clock(Duration.ofSeconds(3_725))).isEqualTo("1:02:05");
        assertThat(ProgressText.clock(Duration.ofSeconds(65))).isEqualTo("1:05");
    }
}
