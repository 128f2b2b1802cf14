package io.agentobs.consumer.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes dead letters to {@code <topic>-dlq} with the original key, value bytes and headers plus the SPEC §2
 * reason headers, and waits until the broker has them: a batch is committed only after its dead letters are stored.
 */
public class DeadLetterPublisher {

    /** Longest {@code x-error-message}; longer reasons are cut so a header never dwarfs the record. */
    static final int MAX_MESSAGE_CHARS = 4_000;

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
        List<CompletableFuture<SendResult<byte[], byte[]>>> sends = new ArrayList<>(deadLetters.size());
        for (DeadLetter letter : deadLetters) {
            sends.add(template.send(toProducerRecord(letter)));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterPublishException("Interrupted while publishing " + deadLetters.size() + " dead letters", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DeadLetterPublishException("Could not publish " + deadLetters.size() + " dead letters within "
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
        return new ProducerRecord<>(letter.deadLetterTopic(), null, null, original.key(), original.value(), headers);
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
