package io.agentobs.cli.redrive;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterFilterTest {

    private static final Instant AT = DeadLetters.WRITTEN_AT;
    private final RedriveRecord schemaInvalid = DeadLetters.letter(
            DeadLetters.headers("SCHEMA_INVALID", "agent_name is required"));

    @Test
    void emptyFilterMatchesEveryDeadLetterEvenWithoutHeaders() {
        RedriveRecord bare = DeadLetters.letter(Map.of(), null, "{}".getBytes(StandardCharsets.UTF_8), AT);

        assertThat(DeadLetterFilter.any().matches(schemaInvalid)).isTrue();
        assertThat(DeadLetterFilter.any().matches(bare)).isTrue();
    }

    @Test
    void errorClassMatchesAnyOfTheGivenClassesExactly() {
        assertThat(filter(Set.of("SCHEMA_INVALID", "MALFORMED_JSON"), null, null).matches(schemaInvalid)).isTrue();
        assertThat(filter(Set.of("MALFORMED_JSON"), null, null).matches(schemaInvalid)).isFalse();
        assertThat(filter(Set.of("SCHEMA"), null, null).matches(schemaInvalid)).isFalse();
        assertThat(filter(Set.of("schema_invalid"), null, null).matches(schemaInvalid)).isFalse();
    }

    @Test
    void messageContainsIsACaseSensitiveSubstringOfTheErrorMessage() {
        assertThat(filter(Set.of(), "agent_name", null).matches(schemaInvalid)).isTrue();
        assertThat(filter(Set.of(), "Agent_name", null).matches(schemaInvalid)).isFalse();
        assertThat(filter(Set.of(), "timestamp", null).matches(schemaInvalid)).isFalse();
    }

    @Test
    void consumerGroupMustBeEqual() {
        assertThat(filter(Set.of(), null, "db-writer").matches(schemaInvalid)).isTrue();
        assertThat(filter(Set.of(), null, "db").matches(schemaInvalid)).isFalse();
    }

    @Test
    void sinceIsInclusiveAndUntilExclusiveOnTheRecordTimestamp() {
        assertThat(between(AT, null).matches(schemaInvalid)).isTrue();
        assertThat(between(AT.plusMillis(1), null).matches(schemaInvalid)).isFalse();
        assertThat(between(null, AT.plusMillis(1)).matches(schemaInvalid)).isTrue();
        assertThat(between(null, AT).matches(schemaInvalid)).isFalse();
        assertThat(between(AT.minus(Duration.ofHours(1)), AT.plus(Duration.ofHours(1))).matches(schemaInvalid))
                .isTrue();
    }

    @Test
    void everyConditionMustHold() {
        DeadLetterFilter all = new DeadLetterFilter(Set.of("SCHEMA_INVALID"), "required", "alert-manager", null,
                null);

        assertThat(all.matches(schemaInvalid)).isFalse();
    }

    private static DeadLetterFilter filter(Set<String> classes, String message, String group) {
        return new DeadLetterFilter(classes, message, group, null, null);
    }

    private static DeadLetterFilter between(Instant since, Instant until) {
        return new DeadLetterFilter(Set.of(), null, null, since, until);
    }
}
