package io.agentobs.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

class UtcTimestampsTest {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void matchesJavaTimeForInstantsAcrossFourCenturies() {
        SplittableRandom random = new SplittableRandom(7);
        long from = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2300-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(from, to);
            assertThat(format(millis)).isEqualTo(ISO_MILLIS.format(Instant.ofEpochMilli(millis)));
        }
    }

    @Test
    void handlesTheEpochLeapDaysAndTheLastMillisecondOfAYear() {
        for (String instant : new String[] {"1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z",
                "2000-02-29T12:00:00.001Z", "2025-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"}) {
            assertThat(format(Instant.parse(instant).toEpochMilli())).isEqualTo(instant);
        }
    }

    private static String format(long epochMillis) {
        StringBuilder out = new StringBuilder();
        UtcTimestamps.append(out, epochMillis);
        return out.toString();
    }
}
