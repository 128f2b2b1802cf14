package io.agentobs.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentobs.cli.MutableClock;
import io.agentobs.events.AgentEvent;
import io.agentobs.events.RoutingDecision;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.codec.InvalidEventException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

class TrafficGeneratorTest {

    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]*)\"");

    @Test
    void everyEventDecodesStrictlyWithItsTopicAndPartitionKeyAsRecordKey() throws InvalidEventException {
        EventCodec codec = new EventCodec();
        int events = 0;
        for (List<GeneratedEvent> trace : GeneratedTraces.raw(1, 2_000)) {
            for (GeneratedEvent generated : trace) {
                AgentEvent event = codec.decode(generated.topic(), generated.value());
                assertThat(event.topic()).isEqualTo(generated.topic());
                assertThat(generated.key()).isNotNull().isEqualTo(event.partitionKey());
                events++;
            }
        }
        assertThat(events).isGreaterThan(2_000 * 5);
    }

    @Test
    void allEightTopicsAppearOverAFewThousandTraces() {
        Set<Topic> seen = EnumSet.noneOf(Topic.class);
        for (List<GeneratedEvent> trace : GeneratedTraces.raw(2, 3_000)) {
            trace.forEach(event -> seen.add(event.topic()));
        }
        assertThat(seen).containsExactlyInAnyOrder(Topic.values());
    }

    @Test
    void eachTraceSharesOneCorrelationIdAndStartsWithItsRoutingDecision() throws InvalidEventException {
        Set<UUID> correlationIds = new HashSet<>();
        for (List<AgentEvent> trace : GeneratedTraces.decoded(3, 1_000)) {
            UUID correlationId = trace.get(0).correlationId();
            assertThat(trace.get(0)).isInstanceOf(RoutingDecision.class);
            assertThat(trace).allSatisfy(event -> assertThat(event.correlationId()).isEqualTo(correlationId));
            assertThat(correlationIds.add(correlationId)).as("correlation ids are unique per trace").isTrue();
        }
    }

    @Test
    void eventIdsAreUnique() throws InvalidEventException {
        Set<UUID> eventIds = new HashSet<>();
        int events = 0;
        for (List<AgentEvent> trace : GeneratedTraces.decoded(4, 1_000)) {
            for (AgentEvent event : trace) {
                eventIds.add(event.eventId());
                events++;
            }
        }
        assertThat(eventIds).hasSize(events);
    }

    @Test
    void timestampsAreUtcNonDecreasingWithinATraceAndAtMostTwoSecondsAheadOfTheClock()
            throws InvalidEventException {
        for (List<GeneratedEvent> trace : GeneratedTraces.raw(5, 500)) {
            for (GeneratedEvent event : trace) {
                Matcher timestamp = TIMESTAMP.matcher(new String(event.value(), StandardCharsets.UTF_8));
                assertThat(timestamp.find()).isTrue();
                assertThat(timestamp.group(1)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            }
        }
        Instant latestAllowed = GeneratedTraces.NOW.plus(Duration.ofSeconds(2));
        for (List<AgentEvent> trace : GeneratedTraces.decoded(5, 500)) {
            List<Instant> times = trace.stream().map(AgentEvent::timestamp).toList();
            assertThat(times).isSorted();
            assertThat(times.get(times.size() - 1)).isBeforeOrEqualTo(latestAllowed);
            assertThat(times.get(0)).isAfter(GeneratedTraces.NOW.minus(Duration.ofHours(1)));
        }
    }

    @Test
    void sameSeedAndClockGiveIdenticalTraffic() {
        assertThat(flatten(GeneratedTraces.raw(42, 300))).isEqualTo(flatten(GeneratedTraces.raw(42, 300)));
    }

    @Test
    void differentSeedsGiveDifferentTraffic() {
        assertThat(flatten(GeneratedTraces.raw(42, 50))).isNotEqualTo(flatten(GeneratedTraces.raw(43, 50)));
    }

    @Test
    void timestampsFollowTheClock() throws InvalidEventException {
        MutableClock clock = new MutableClock(GeneratedTraces.NOW);
        TrafficGenerator generator = new TrafficGenerator(6, clock);
        EventCodec codec = new EventCodec();
        GeneratedEvent first = generator.nextTrace().get(0);
        clock.advance(Duration.ofDays(1));
        GeneratedEvent later = generator.nextTrace().get(0);
        Instant firstTime = codec.decode(first.topic(), first.value()).timestamp();
        Instant laterTime = codec.decode(later.topic(), later.value()).timestamp();
        assertThat(Duration.between(firstTime, laterTime)).isGreaterThan(Duration.ofHours(23));
    }

    @Test
    void generatorWorksWithTheSystemClock() {
        TrafficGenerator generator = new TrafficGenerator(7, Clock.system(ZoneOffset.UTC));
        assertThat(generator.nextTrace()).isNotEmpty();
    }

    /** Topic, key and value text of every event, in order, for comparing runs. */
    private static List<String> flatten(List<List<GeneratedEvent>> traces) {
        List<String> flat = new ArrayList<>();
        for (List<GeneratedEvent> trace : traces) {
            for (GeneratedEvent event : trace) {
                flat.add(event.topic() + " " + event.key() + " " + new String(event.value(), StandardCharsets.UTF_8));
            }
        }
        return flat;
    }
}
