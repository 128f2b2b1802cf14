package io.agentobs.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agentobs.consumer.dlq.DeadLetter;
import io.agentobs.consumer.dlq.DeadLetterPublisher;
import io.agentobs.consumer.health.SinkHealth;
import io.agentobs.consumer.logging.BadRecordLog;
import io.agentobs.consumer.metrics.ConsumerMetrics;
import io.agentobs.events.AgentEvent;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.codec.InvalidEventException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one polled batch into a sink write: decodes and validates every record, sends the bad ones to their
 * dead-letter topics, hands the valid events to the sink, and returns only when both are stored, so the container
 * commits the batch's offsets after that and never before.
 *
 * <p>Dead letters are published before the sink's write (records it rejects: before its commit, see
 * {@link EventBatch#publishRejections()}), so a sink that stores its offsets with its data never stores an offset
 * past a dead letter that is not yet in Kafka. While a failing batch is retried on a consumer thread, a dead letter
 * already published for it is not published again; a crash between the dead letter and the sink's commit can
 * publish it twice (dead letters are at least once, and carry the original coordinates to tell copies apart).
 *
 * <p>Classification lives here, once: a record that cannot be decoded or validated, or that the sink rejects, is a
 * data error and goes to {@code <topic>-dlq} while the rest of the batch proceeds. Anything thrown by the sink or by
 * the dead-letter producer is transient and propagates, so the container's error handler retries the same batch,
 * in order, with backoff, until it succeeds.
 */
public class BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

    private final EventCodec codec;
    private final DeadLetterPublisher deadLetters;
    private final SinkHealth sinkHealth;
    private final ConsumerMetrics metrics;
    private final BadRecordLog badRecordLog;
    /** Coordinates dead-lettered by the batch being retried on this consumer thread; cleared when a batch succeeds. */
    private final ThreadLocal<Set<String>> deadLetteredInRetry = ThreadLocal.withInitial(HashSet::new);

    public BatchProcessor(EventCodec codec, DeadLetterPublisher deadLetters, SinkHealth sinkHealth,
                          ConsumerMetrics metrics, BadRecordLog badRecordLog) {
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.sinkHealth = sinkHealth;
        this.metrics = metrics;
        this.badRecordLog = badRecordLog;
    }

    /**
     * Processes one batch; call it from a batch {@code @KafkaListener}.
     *
     * @throws Exception whatever the sink or the dead-letter producer threw: the batch is retried, not committed
     */
    public void process(List<ConsumerRecord<byte[], byte[]>> records, EventSink sink) throws Exception {
        if (records.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<ConsumedEvent> valid = new ArrayList<>(records.size());
        List<DeadLetter> bad = new ArrayList<>();
        boolean bind = sink.bindsEvents();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            decode(record, bind, valid, bad);
        }
        EventBatch batch = new EventBatch(valid, NextOffsets.of(records), rejected -> publishOnce(asDeadLetters(rejected)),
                sink.receivesInvalidRecords() ? bad : List.of());
        MDC.put("batch", describe(records));
        try {
            publishOnce(bad);
            if (!valid.isEmpty() || !batch.invalidRecords().isEmpty()) {
                sink.write(batch);
            }
            batch.publishRejections();
            bad.addAll(asDeadLetters(batch.rejections()));
            deadLetteredInRetry.get().clear();
            sinkHealth.writeSucceeded();
        } catch (Exception e) {
            sinkHealth.writeFailed(e);
            log.debug("Batch {} ({} events) failed in sink {}", describe(records), batch.size(), sink.sinkName(), e);
            throw SinkFailures.retryWhole(e);
        } finally {
            MDC.remove("batch");
        }
        bad.forEach(letter -> {
            metrics.deadLettered(letter.record().topic(), letter.errorClass());
            badRecordLog.record(letter);
        });
        countConsumed(records);
        countProcessed(valid, batch.rejections());
        metrics.batchCompleted(System.nanoTime() - start, records.size());
    }

    /** Publishes the dead letters not yet published while this thread retries its batch. */
    private void publishOnce(List<DeadLetter> letters) {
        Set<String> done = deadLetteredInRetry.get();
        List<DeadLetter> pending = letters.stream().filter(letter -> !done.contains(letter.coordinates())).toList();
        deadLetters.publish(pending);
        pending.forEach(letter -> done.add(letter.coordinates()));
    }

    private static List<DeadLetter> asDeadLetters(List<EventBatch.Rejection> rejections) {
        return rejections.stream()
                .map(r -> new DeadLetter(r.event().record(), "REJECTED_BY_SINK", r.reason()))
                .toList();
    }

    private void decode(ConsumerRecord<byte[], byte[]> record, boolean bind, List<ConsumedEvent> valid,
                        List<DeadLetter> bad) {
        MDC.put("topic", record.topic());
        MDC.put("partition", Integer.toString(record.partition()));
        MDC.put("offset", Long.toString(record.offset()));
        try {
            Topic topic = Topic.byName(record.topic()).orElse(null);
            if (topic == null) {
                bad.add(new DeadLetter(record, "UNKNOWN_TOPIC", "topic " + record.topic() + " is not in the agentobs catalog"));
            } else if (record.value() == null) {
                bad.add(new DeadLetter(record, "EMPTY_VALUE", "record has no value (tombstone)"));
            } else {
                ObjectNode json = codec.decodeTree(topic, record.value());
                MDC.put("correlation_id", json.path("correlation_id").asString());
                AgentEvent event = bind ? codec.bind(topic, json) : null;
                valid.add(new ConsumedEvent(topic, json, event, record));
            }
        } catch (InvalidEventException e) {
            bad.add(new DeadLetter(record, e.kind().name(), e.getMessage()));
        } catch (RuntimeException e) {
            // The decoder is pure: whatever it throws is caused by these bytes, so retrying would never end.
            bad.add(new DeadLetter(record, "DECODE_FAILED", e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            MDC.remove("topic");
            MDC.remove("partition");
            MDC.remove("offset");
            MDC.remove("correlation_id");
        }
    }

    private void countConsumed(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Long> byTopic = new LinkedHashMap<>();
        records.forEach(r -> byTopic.merge(r.topic(), 1L, Long::sum));
        byTopic.forEach(metrics::consumed);
    }

    private void countProcessed(List<ConsumedEvent> valid, List<EventBatch.Rejection> rejections) {
        Map<String, Long> byTopic = new LinkedHashMap<>();
        valid.forEach(e -> byTopic.merge(e.record().topic(), 1L, Long::sum));
        rejections.forEach(r -> byTopic.merge(r.event().record().topic(), -1L, Long::sum));
        byTopic.forEach((topic, count) -> {
            if (count > 0) {
                metrics.processed(topic, count);
            }
        });
    }

    private static String describe(List<ConsumerRecord<byte[], byte[]>> records) {
        ConsumerRecord<byte[], byte[]> first = records.get(0);
        ConsumerRecord<byte[], byte[]> last = records.get(records.size() - 1);
        return first.topic() + "-" + first.partition() + "@" + first.offset()
                + ".." + last.topic() + "-" + last.partition() + "@" + last.offset();
    }
}
