package io.agentobs.cli.kafka;

import io.agentobs.cli.EnvFlag;
import io.agentobs.cli.UsageException;
import io.agentobs.events.kafka.KafkaConnection;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CLI's Kafka producer configuration, read from seed 001's environment variables.
 *
 * @param connection brokers and TLS/SASL ({@code KAFKA_BROKERS}, {@code KAFKA_SECURITY_PROTOCOL}, …)
 * @param enabled {@code KAFKA_ENABLE_LOGGING}: false makes every publish succeed without sending anything
 * @param debug {@code DEBUG}: Kafka client logs and details on stderr
 * @param acks {@code KAFKA_ACKS}: all (default), 1 or 0
 * @param compression {@code KAFKA_COMPRESSION}: none, gzip, snappy, lz4, zstd; null when unset (see
 *        {@link #producerProperties})
 * @param batchSizeBytes {@code KAFKA_BATCH_SIZE}, bytes per partition batch
 * @param lingerMs {@code KAFKA_LINGER_MS}; null when unset
 * @param retries {@code KAFKA_RETRIES}
 * @param timeout {@code AGENTOBS_SEND_TIMEOUT_MS}: how long a publish waits for Kafka before spooling
 * @param spoolDirectory {@code AGENTOBS_SPOOL_DIR}, default {@code ~/.agentobs/spool}
 * @param spoolRetryInterval {@code AGENTOBS_SPOOL_RETRY_MS}: after Kafka was found unreachable, how long one-event
 *        publishes append straight to the spool instead of waiting for Kafka again
 */
public record ProducerSettings(
        KafkaConnection connection,
        boolean enabled,
        boolean debug,
        String acks,
        String compression,
        int batchSizeBytes,
        Integer lingerMs,
        int retries,
        Duration timeout,
        Path spoolDirectory,
        Duration spoolRetryInterval) {

    private static final Set<String> ACKS = Set.of("all", "-1", "0", "1");
    private static final Set<String> COMPRESSIONS = Set.of("none", "gzip", "snappy", "lz4", "zstd");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Reads and validates the environment.
     *
     * @throws UsageException naming the variable when a value is malformed or out of range
     */
    public static ProducerSettings fromEnvironment(Map<String, String> env) throws UsageException {
        KafkaConnection connection = KafkaConnection.fromEnvironment(env);
        try {
            connection.clientProperties();
        } catch (IllegalArgumentException invalid) {
            throw new UsageException(invalid.getMessage());
        }
        String acks = lower(env, "KAFKA_ACKS", "all");
        if (!ACKS.contains(acks)) {
            throw new UsageException("KAFKA_ACKS must be all, 1 or 0, got '" + acks + "'");
        }
        String compression = lower(env, "KAFKA_COMPRESSION", null);
        if (compression != null && !COMPRESSIONS.contains(compression)) {
            throw new UsageException("KAFKA_COMPRESSION must be one of none, gzip, snappy, lz4, zstd, got '"
                    + compression + "'");
        }
        Integer linger = env.containsKey("KAFKA_LINGER_MS") ? integer(env, "KAFKA_LINGER_MS", 0, 0, 60_000) : null;
        return new ProducerSettings(
                connection,
                EnvFlag.read(env, "KAFKA_ENABLE_LOGGING", true),
                EnvFlag.read(env, "DEBUG", false),
                "-1".equals(acks) ? "all" : acks,
                compression,
                integer(env, "KAFKA_BATCH_SIZE", 16_384, 0, 16 * 1024 * 1024),
                linger,
                integer(env, "KAFKA_RETRIES", 3, 0, Integer.MAX_VALUE),
                Duration.ofMillis(integer(env, "AGENTOBS_SEND_TIMEOUT_MS", (int) DEFAULT_TIMEOUT.toMillis(), 100,
                        600_000)),
                spoolDirectory(env),
                Duration.ofMillis(integer(env, "AGENTOBS_SPOOL_RETRY_MS", (int) DEFAULT_TIMEOUT.toMillis(), 0,
                        3_600_000)));
    }

    /**
     * Producer properties for this workload. One-event publishes send immediately without compression unless
     * {@code KAFKA_COMPRESSION}/{@code KAFKA_LINGER_MS} say otherwise (a single small record gains nothing from
     * either); bulk publishes default to lz4, a 5 ms linger and batches of at least 256 KiB.
     */
    public Map<String, Object> producerProperties(boolean bulk) {
        Map<String, Object> props = connection.clientProperties();
        props.put("client.id", "agentobs-cli");
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        props.put("acks", acks);
        // Idempotence needs acks=all (with weaker acks it must be off explicitly). A one-event publish skips it: it
        // costs a producer-id round trip, and the duplicate a retry could cause is dropped by event_id downstream.
        props.put("enable.idempotence", Boolean.toString(bulk && "all".equals(acks)));
        props.put("retries", Integer.toString(retries));
        props.put("compression.type", compression != null ? compression : bulk ? "lz4" : "none");
        props.put("linger.ms", Integer.toString(lingerMs != null ? lingerMs : bulk ? 5 : 0));
        props.put("batch.size", Integer.toString(bulk ? Math.max(batchSizeBytes, 256 * 1024) : batchSizeBytes));
        long timeoutMs = timeout.toMillis();
        props.put("max.block.ms", Long.toString(timeoutMs));
        long linger = Long.parseLong((String) props.get("linger.ms"));
        props.put("request.timeout.ms", Long.toString(Math.max(1, timeoutMs - linger)));
        props.put("delivery.timeout.ms", Long.toString(timeoutMs));
        // A short-lived process: no JMX reporter and no client telemetry push on close.
        props.put("metric.reporters", "");
        props.put("enable.metrics.push", "false");
        props.put("reconnect.backoff.ms", "50");
        props.put("reconnect.backoff.max.ms", "500");
        return props;
    }

    /**
     * For commands that send records again ({@code redrive}, {@code replay}): the bulk properties
     * ({@code KAFKA_COMPRESSION}, batch size, linger, timeout) with byte keys, so the key goes out unchanged, and
     * acks=all with idempotence whatever {@code KAFKA_ACKS} says, so that nothing is lost, duplicated by a retry or
     * reordered (idempotence keeps order with up to 5 requests in flight, the producer's default).
     */
    public Map<String, Object> resendProducerProperties(String clientId) {
        Map<String, Object> props = producerProperties(true);
        props.put("client.id", clientId);
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        // Idempotence refuses retries=0 (KAFKA_RETRIES may say so); the default retries until delivery.timeout.ms.
        props.remove("retries");
        return props;
    }

    /** Admin client properties: the connection, and at least 10 s for each request (metadata on a cold broker). */
    public Map<String, Object> adminProperties(String clientId) {
        Map<String, Object> props = connection.clientProperties();
        props.put("client.id", clientId);
        int timeoutMs = (int) Math.max(timeout.toMillis(), 10_000);
        props.put("request.timeout.ms", Integer.toString(timeoutMs));
        props.put("default.api.timeout.ms", Integer.toString(timeoutMs));
        props.put("enable.metrics.push", "false");
        props.put("metric.reporters", "");
        return props;
    }

    private static Path spoolDirectory(Map<String, String> env) {
        String configured = env.get("AGENTOBS_SPOOL_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".agentobs", "spool");
    }

    private static String lower(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim().toLowerCase(Locale.ROOT);
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max)
            throws UsageException {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException notNumber) {
            throw new UsageException(name + " must be an integer, got '" + value + "'");
        }
    }
}
