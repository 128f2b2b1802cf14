package io.agentobs.consumer.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes dead letters to {@code <topic>-dlq} with the original key, value bytes and headers plus the SPEC §2
 * reason headers, and waits until the broker has them: a batch is committed only after its dead letters are stored.
 *
 * <p>Bounded in time: the dead-letter topics' metadata is fetched once per topic before anything is sent (so a
 * missing topic fails the batch after one wait, not one wait per record), and all acknowledgements share one
 * deadline. A dead letter the broker refuses as too large is sent again without its value, with
 * {@code x-original-value-omitted} giving the size: otherwise one oversized bad record would block its partition
 * forever. The original value stays in the source topic (and the audit archive) by its coordinates.
 */
public class DeadLetterPublisher {

    /** Longest {@code x-error-message}; longer reasons are cut so a header never dwarfs the record. */
    static final int MAX_MESSAGE_CHARS = 4_000;

    /** Header set on a dead letter sent without its value because the broker refused the full record. */
    public static final String VALUE_OMITTED = "x-original-value-omitted";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final KafkaTemplate<byte[], byte[]> template;
    private final String consumerGroup;
    private final Duration sendTimeout;
    private final Clock clock;

    public DeadLetterPublisher(KafkaTemplate<byte[], byte[]> template, String consumerGroup, Duration sendTimeout, Clock clock) {
        this.template = template;
        this.consumerGroup = consumerGroup;
        this.sendTimeout = sendTimeout;
        this.clock = clock;
    }

    /**
     * Sends every dead letter and waits for all acknowledgements.
     *
     * @throws DeadLetterPublishException if any could not be stored in time (transient: the batch is retried)
     */
    public void publish(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        requireTopicsExist(deadLetters);
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        List<CompletableFuture<SendResult<byte[], byte[]>>> sends = new ArrayList<>(deadLetters.size());
        for (DeadLetter letter : deadLetters) {
            sends.add(template.send(toProducerRecord(letter)));
        }
        List<DeadLetter> tooLarge = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            try {
                await(sends.get(i), deadline, deadLetters.size());
            } catch (ExecutionException e) {
                if (!isTooLarge(e)) {
                    throw new DeadLetterPublishException("Could not publish dead letter of "
                            + deadLetters.get(i).coordinates() + ": " + e.getCause(), e.getCause());
                }
                tooLarge.add(deadLetters.get(i));
            }
        }
        for (DeadLetter letter : tooLarge) {
            log.warn("Dead letter of {} ({} bytes) is too large for {}; sending it without its value",
                    letter.coordinates(), letter.record().value() == null ? 0 : letter.record().value().length,
                    letter.deadLetterTopic());
            try {
                await(template.send(withoutValue(toProducerRecord(letter), letter)), deadline, deadLetters.size());
            } catch (ExecutionException e) {
                throw new DeadLetterPublishException("Could not publish dead letter of " + letter.coordinates()
                        + " even without its value: " + e.getCause(), e.getCause());
            }
        }
    }

    /** KafkaTemplate wraps the client's exception; look along the whole chain. */
    private static boolean isTooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private void requireTopicsExist(List<DeadLetter> deadLetters) {
        Set<String> topics = new LinkedHashSet<>();
        deadLetters.forEach(letter -> topics.add(letter.deadLetterTopic()));
        for (String topic : topics) {
            try {
                template.partitionsFor(topic);
            } catch (RuntimeException e) {
                throw new DeadLetterPublishException("Dead-letter topic " + topic + " is not available: " + e, e);
            }
        }
    }

    private void await(CompletableFuture<SendResult<byte[], byte[]>> send, long deadline, int count) throws ExecutionException {
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterPublishException("Interrupted while publishing " + count + " dead letters", e);
        } catch (TimeoutException e) {
            throw new DeadLetterPublishException("Could not publish " + count + " dead letters within "
                    + sendTimeout.toMillis() + " ms", e);
        }
    }

    ProducerRecord<byte[], byte[]> toProducerRecord(DeadLetter letter) {
        var original = letter.record();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : original.headers()) {
            headers.add(header);
        }
        put(headers, DeadLetterHeaders.ORIGINAL_TOPIC, original.topic());
        put(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(original.partition()));
        put(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(original.offset()));
        put(headers, DeadLetterHeaders.ERROR_CLASS, letter.errorClass());
        put(headers, DeadLetterHeaders.ERROR_MESSAGE, truncate(letter.errorMessage()));
        put(headers, DeadLetterHeaders.FAILED_AT, clock.instant().toString());
        put(headers, DeadLetterHeaders.CONSUMER_GROUP, consumerGroup);
        headers.remove(VALUE_OMITTED);
        return new ProducerRecord<>(letter.deadLetterTopic(), null, null, original.key(), original.value(), headers);
    }

    static ProducerRecord<byte[], byte[]> withoutValue(ProducerRecord<byte[], byte[]> full, DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : full.headers()) {
            if (header.key().startsWith("x-")) {
                headers.add(header);
            }
        }
        int size = letter.record().value() == null ? 0 : letter.record().value().length;
        put(headers, VALUE_OMITTED, Integer.toString(size));
        return new ProducerRecord<>(full.topic(), null, null, full.key(), null, headers);
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
    }
}
