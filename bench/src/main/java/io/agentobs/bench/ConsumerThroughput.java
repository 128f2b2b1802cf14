package io.agentobs.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agentobs.events.Topic;
import io.agentobs.infra.EmbeddedKafkaServer;
import io.agentobs.infra.KafkaOptions;

/**
 * Consumer pipeline throughput on an embedded broker: a raw KafkaConsumer against the common-consumer pipeline.
 *
 * <p>Usage: {@code ConsumerThroughput [events [rounds]]} (default 200000 events, 1 round). Pre-produces the events to
 * {@code agent-actions} (12 partitions, acks=all), then each round consumes all of them three times with fresh
 * groups, in this JVM: (a) raw poll loop, (b) the agentobs service with batch size 500, (c) the same with batch
 * size 100. Rounds after the first run on a JVM that the first one warmed up.
 */
public final class ConsumerThroughput {

    static final int PARTITIONS = 12;
    static final int[] AGENTOBS_BATCH_SIZES = {500, 100};
    private static final long DEFAULT_EVENTS = 200_000;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    private ConsumerThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : DEFAULT_EVENTS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<ThroughputReport> reports = run(events, rounds);
        for (ThroughputReport report : reports) {
            System.out.println();
            System.out.println(report.format());
        }
        // The embedded broker's and Spring's leftover non-daemon threads must not keep the JVM alive.
        System.exit(0);
    }

    /** Starts a broker, loads {@code events} events and measures the three consumers {@code rounds} times. */
    public static List<ThroughputReport> run(long events, int rounds) throws Exception {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be positive, was " + rounds);
        }
        String topic = Topic.AGENT_ACTIONS.topicName();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        try (EmbeddedKafkaServer kafka = new EmbeddedKafkaServer(KafkaOptions.randomPort())) {
            kafka.start();
            String bootstrap = kafka.bootstrapServers();
            EventLoader loader = new EventLoader(bootstrap);
            loader.createTopic(topic, PARTITIONS);
            log("producing " + events + " events to " + topic + " (" + PARTITIONS + " partitions, acks=all)");
            Duration produced = loader.produce(topic, events);
            long stored = loader.endOffsets(topic, PARTITIONS);
            if (stored != events) {
                throw new IllegalStateException("topic holds " + stored + " records, expected " + events);
            }
            List<ThroughputReport> reports = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                String suffix = runId + "-r" + round;
                List<Measurement> runs = new ArrayList<>();
                log("round " + round + ": raw KafkaConsumer");
                runs.add(RawConsumerRun.run(bootstrap, topic, events, "bench-raw-" + suffix, RUN_TIMEOUT));
                for (int batchSize : AGENTOBS_BATCH_SIZES) {
                    log("round " + round + ": agentobs common-consumer, batch-size " + batchSize);
                    runs.add(AgentobsConsumerRun.run(bootstrap, topic, events, batchSize,
                            "bench-agentobs-" + batchSize + "-" + suffix, RUN_TIMEOUT));
                }
                reports.add(new ThroughputReport(events, PARTITIONS, produced, round, runs));
            }
            return reports;
        }
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
