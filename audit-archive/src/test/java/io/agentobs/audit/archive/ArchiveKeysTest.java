package io.agentobs.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveKeysTest {

    /** 2025-10-20T18:30:00.123Z */
    private static final long TIMESTAMP = 1_760_985_000_123L;

    @Test
    void keyFollowsTheLayoutWithUtcHourAndZeroPaddedOffset() {
        ArchiveKeys keys = new ArchiveKeys("archive/");

        assertThat(keys.key("agent-actions", 7, 42, TIMESTAMP)).isEqualTo(
                "archive/topic=agent-actions/dt=2025-10-20/hour=18/agent-actions+7+00000000000000000042.parquet");
    }

    @Test
    void largestOffsetFillsAllTwentyDigits() {
        assertThat(new ArchiveKeys("").key("t", 0, Long.MAX_VALUE, 0))
                .isEqualTo("topic=t/dt=1970-01-01/hour=00/t+0+09223372036854775807.parquet");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|''",
            "''|''",
            "/|''",
            "//|''",
            "archive|archive/",
            "archive/|archive/",
            "/archive|archive/",
            "//a/b|a/b/",
            "a/b/|a/b/"})
    void prefixIsNormalisedToEmptyOrEndingInSlash(String raw, String normalised) {
        assertThat(new ArchiveKeys(raw).prefix()).isEqualTo(normalised);
    }

    @Test
    void topicAndHourPrefixesAreLeadingPartsOfTheKey() {
        ArchiveKeys keys = new ArchiveKeys("p");
        String key = keys.key("task-executions", 1, 5, TIMESTAMP);

        assertThat(keys.topicPrefix("task-executions")).isEqualTo("p/topic=task-executions/");
        assertThat(keys.hourPrefix("task-executions", Instant.parse("2025-10-20T18:59:59.999Z")))
                .isEqualTo("p/topic=task-executions/dt=2025-10-20/hour=18/");
        assertThat(key).startsWith(keys.hourPrefix("task-executions", Instant.ofEpochMilli(TIMESTAMP)));
    }

    @Test
    void hourPrefixesSortLikeTheirHours() {
        ArchiveKeys keys = new ArchiveKeys("");
        String nine = keys.hourPrefix("t", Instant.parse("2025-10-20T09:00:00Z"));
        String ten = keys.hourPrefix("t", Instant.parse("2025-10-20T10:00:00Z"));
        String nextDay = keys.hourPrefix("t", Instant.parse("2025-10-21T00:00:00Z"));

        assertThat(nine).isLessThan(ten);
        assertThat(ten).isLessThan(nextDay);
    }

    @Test
    void parseRoundTripsAKey() {
        ArchiveKeys keys = new ArchiveKeys("/archive");
        String key = keys.key("agent.routing_decisions-v1", 12, 1234567, TIMESTAMP);

        assertThat(keys.parse(key)).contains(new ArchiveKey(key, "agent.routing_decisions-v1", 12, 1234567,
                Instant.parse("2025-10-20T18:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "other/topic=t/dt=2025-10-20/hour=18/t+0+00000000000000000000.parquet",
            "archive/topic=t/dt=2025-10-20/hour=18/t+0+00000000000000000000.json",
            "archive/topic=t/dt=2025-10-20/hour=18/u+0+00000000000000000000.parquet",
            "archive/topic=t/dt=2025-10-20/hour=24/t+0+00000000000000000000.parquet",
            "archive/topic=t/dt=2025-02-30/hour=18/t+0+00000000000000000000.parquet",
            "archive/topic=t/dt=2025-10-20/hour=18/t+0+42.parquet",
            "archive/topic=t/dt=2025-10-20/hour=18/t+x+00000000000000000000.parquet",
            "archive/topic=t/dt=2025-10-20/hour=18/t+99999999999+00000000000000000000.parquet",
            "archive/topic=t/dt=2025-10-20/hour=18/extra/t+0+00000000000000000000.parquet",
            "archive/_agentobs/conditional-write-check"})
    void parseRejectsKeysOutsideTheLayout(String key) {
        assertThat(new ArchiveKeys("archive").parse(key)).isEmpty();
    }

    @Test
    void parseRejectsAKeyOfTheLayoutUnderAnotherPrefix() {
        String key = new ArchiveKeys("a").key("t", 0, 0, TIMESTAMP);

        assertThat(new ArchiveKeys("b").parse(key)).isEmpty();
        assertThat(new ArchiveKeys("").parse(key)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a+b", "a b", "topic=x"})
    void rejectsNamesThatAreNotKafkaTopics(String topic) {
        ArchiveKeys keys = new ArchiveKeys("");

        assertThatThrownBy(() -> keys.key(topic, 0, 0, TIMESTAMP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.topicPrefix(topic)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNegativePartitionOrOffset() {
        ArchiveKeys keys = new ArchiveKeys("");

        assertThatThrownBy(() -> keys.key("t", -1, 0, TIMESTAMP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.key("t", 0, -1, TIMESTAMP)).isInstanceOf(IllegalArgumentException.class);
    }
}
