package io.agentobs.metrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class EventTimeTest {

    @Test
    void utcTimestampsReadByHandEqualJavaTime() {
        for (String text : new String[] {"2025-10-20T18:30:00Z", "2025-10-20T18:30:00.1Z", "2025-10-20T18:30:00.12Z",
            "2025-10-20T18:30:00.123Z", "2025-10-20T18:30:00.123999999Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z", "2024-02-29T23:59:59.5Z"}) {
            assertThat(EventTime.epochMillis(text)).as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
        }
    }

    @Test
    void offsetsLowerCaseAndSignedYearsAreReadByJavaTime() {
        assertThat(EventTime.epochMillis("2025-10-20T20:30:00.250+02:00"))
                .isEqualTo(OffsetDateTime.parse("2025-10-20T18:30:00.250Z").toInstant().toEpochMilli());
        assertThat(EventTime.epochMillis("2025-10-20t18:30:00z"))
                .isEqualTo(OffsetDateTime.parse("2025-10-20T18:30:00Z").toInstant().toEpochMilli());
        assertThat(EventTime.epochMillis("+12025-10-20T18:30:00Z"))
                .isEqualTo(OffsetDateTime.parse("+12025-10-20T18:30:00Z").toInstant().toEpochMilli());
    }
}
