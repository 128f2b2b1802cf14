package io.agentobs.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.agentobs.cli.simulate.GeneratedEvent;
import io.agentobs.events.Topic;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts backlogs into Kafka, each in one producer transaction: a read_committed consumer sees none of it until the
 * commit and then all of it at once, so a consumer that is already running meets a real backlog too. Also empties
 * the topics between runs (deleting their records), so a new consumer group reads only the next backlog.
 *
 * <p>A backlog is either the bench's agent-actions events, each with a correlation id of its own unless
 * {@code eventsPerCorrelation} is larger than 1 (then that many consecutive events share one, as the actions of one
 * task do), or given events, each sent to its own topic with its key.
 */
final class BacklogLoader implements AutoCloseable {

    private final String bootstrapServers;
    private final List<Topic> topics;
    private final int eventsPerCorrelation;
    private final KafkaProducer<byte[], byte[]> producer;
    /** After the last agent action of the traffic backlogs so far: event time never goes back between backlogs. */
    private Instant nextActionTime;

    /** Loads backlogs into {@code topics}, created with their catalog partition counts. */
    BacklogLoader(String bootstrapServers, List<Topic> topics, int eventsPerCorrelation) {
        if (eventsPerCorrelation < 1) {
            throw new IllegalArgumentException("eventsPerCorrelation must be positive, was " + eventsPerCorrelation);
        }
        this.bootstrapServers = bootstrapServers;
        this.topics = List.copyOf(topics);
        this.eventsPerCorrelation = eventsPerCorrelation;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 65_536,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "agentobs-bench-" + UUID.randomUUID()),
                new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /** Creates every topic with its catalog partition count, and its dead-letter topic with one. */
    void createTopics() throws ExecutionException, InterruptedException {
        List<NewTopic> created = new ArrayList<>();
        for (Topic topic : topics) {
            created.add(new NewTopic(topic.topicName(), topic.defaultPartitions(), (short) 1));
            created.add(new NewTopic(topic.dlqName(), 1, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(created).all().get();
        }
    }

    /** Sends {@code events} new agent-actions events (keyed by correlation_id) in one transaction and commits it. */
    Backlog produce(int events, Instant firstEventTime) throws ExecutionException, InterruptedException {
        String topic = Topic.AGENT_ACTIONS.topicName();
        List<ActionRow> rows = new ArrayList<>(events);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events);
        UUID correlationId = null;
        for (int i = 0; i < events; i++) {
            if (i % eventsPerCorrelation == 0) {
                correlationId = UUID.randomUUID();
            }
            ActionRow row = ActionRow.random(firstEventTime.plusMillis(i), correlationId);
            rows.add(row);
            records.add(new ProducerRecord<>(topic, row.correlationId().toString().getBytes(StandardCharsets.UTF_8),
                    row.json()));
        }
        return send(records, rows);
    }

    /**
     * Commits the next backlog of a traffic: {@code events} agent actions one millisecond apart in event time, from
     * now or from after the previous backlog's last one, whichever is later (so the events of a backlog are never
     * older than those before them, as with live traffic); or whole traces of the next seed of {@code simulated}
     * until at least that many events.
     */
    Backlog produce(Traffic traffic, SimulatedTraffic simulated, int events)
            throws ExecutionException, InterruptedException {
        if (traffic == Traffic.ACTIONS) {
            Instant first = Instant.now();
            if (nextActionTime != null && nextActionTime.isAfter(first)) {
                first = nextActionTime;
            }
            nextActionTime = first.plusMillis(events);
            return produce(events, first);
        }
        SimulatedTraffic.Traces traces = simulated.next(events);
        System.out.println(String.format(Locale.ROOT, "[bench] traffic %s, seed %d: %,d traces, %,d events",
                traffic.wireName(), traces.seed(), traces.traces(), traces.events().size()));
        return produce(traces.events());
    }

    /** Sends the events, each to its topic with its key, in one transaction and commits it. */
    Backlog produce(List<GeneratedEvent> events) throws ExecutionException, InterruptedException {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events.size());
        for (GeneratedEvent event : events) {
            records.add(new ProducerRecord<>(event.topic().topicName(),
                    event.key() == null ? null : event.key().getBytes(StandardCharsets.UTF_8), event.value()));
        }
        return send(records, List.of());
    }

    /** One transaction of the records; {@code rows} (empty, or one per record) are placed where Kafka put them. */
    private Backlog send(List<ProducerRecord<byte[], byte[]>> records, List<ActionRow> rows)
            throws ExecutionException, InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        long start = System.nanoTime();
        producer.beginTransaction();
        for (ProducerRecord<byte[], byte[]> record : records) {
            sent.add(producer.send(record));
        }
        producer.commitTransaction();
        long committed = System.nanoTime();
        Map<TopicPartition, TopicPartition> partitions = new HashMap<>();
        List<Backlog.Stored> stored = new ArrayList<>(records.size());
        List<ActionRow> placed = new ArrayList<>(rows.size());
        for (int i = 0; i < records.size(); i++) {
            RecordMetadata metadata = sent.get(i).get();
            TopicPartition partition = new TopicPartition(metadata.topic(), metadata.partition());
            stored.add(new Backlog.Stored(partitions.computeIfAbsent(partition, p -> p), metadata.offset(),
                    records.get(i).value().length));
            if (!rows.isEmpty()) {
                placed.add(rows.get(i).at(metadata.partition(), metadata.offset()));
            }
        }
        return new Backlog(stored, placed, committed - start, committed);
    }

    /**
     * Deletes every record of the topics: a new group starting from the earliest offsets reads only what follows.
     */
    void emptyTopics() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (Topic topic : topics) {
                for (int p = 0; p < topic.defaultPartitions(); p++) {
                    latest.put(new TopicPartition(topic.topicName(), p), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) ->
                    delete.put(partition, RecordsToDelete.beforeOffset(info.offset())));
            admin.deleteRecords(delete).all().get();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
