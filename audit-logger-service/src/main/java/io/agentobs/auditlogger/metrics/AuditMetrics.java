package io.agentobs.auditlogger.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The audit logger's own meters, next to the shared {@code agentobs.consumer.*} ones: objects, bytes and records
 * archived per topic, objects found already there, files closed early for memory, upload time, and what is open.
 */
public class AuditMetrics {

    private final MeterRegistry registry;
    private final Timer upload;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** Registers the meters, the per-topic ones at zero for every topic so dashboards see them before any object. */
    public AuditMetrics(MeterRegistry registry, Collection<String> topics) {
        this.registry = registry;
        for (String topic : topics) {
            count("agentobs.audit.objects.written", "Archive objects created in S3", topic, 0);
            count("agentobs.audit.bytes.written", "Bytes of archive objects created in S3", topic, 0);
            count("agentobs.audit.records.archived", "Records archived in objects created in S3", topic, 0);
            count("agentobs.audit.objects.existing", "Uploads that found their object already in S3 (re-archived after a crash or a rebalance)", topic, 0);
            count("agentobs.audit.files.closed.early", "Files closed before their limits to keep memory under the budget", topic, 0);
        }
        this.upload = Timer.builder("agentobs.audit.upload")
                .description("Time to encode one archive object as Parquet and create it in S3")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry);
    }

    /** Registers the gauges of what is not yet in S3. */
    public void gauges(LongSupplier openFiles, LongSupplier openBytes, LongSupplier inFlightBytes) {
        Gauge.builder("agentobs.audit.open.files", openFiles::getAsLong)
                .description("Partitions with an open archive file")
                .register(registry);
        Gauge.builder("agentobs.audit.buffered.bytes", openBytes::getAsLong)
                .description("Bytes of records in open archive files")
                .register(registry);
        Gauge.builder("agentobs.audit.inflight.bytes", inFlightBytes::getAsLong)
                .description("Bytes of records in closed files waiting for or being uploaded")
                .register(registry);
    }

    /** An object was created: its records, its size and the time encoding and upload took. */
    public void objectWritten(String topic, int records, long bytes, long nanos) {
        count("agentobs.audit.objects.written", null, topic, 1);
        count("agentobs.audit.bytes.written", null, topic, bytes);
        count("agentobs.audit.records.archived", null, topic, records);
        upload.record(Duration.ofNanos(nanos));
    }

    /** An upload found its key already in S3. */
    public void objectAlreadyThere(String topic) {
        count("agentobs.audit.objects.existing", null, topic, 1);
    }

    /** A file was closed early to keep memory under the budget. */
    public void closedEarly(String topic) {
        count("agentobs.audit.files.closed.early", null, topic, 1);
    }

    private void count(String name, String description, String topic, long amount) {
        counters.computeIfAbsent(name + '|' + topic, key -> Counter.builder(name)
                .description(description)
                .tag("topic", topic)
                .register(registry)).increment(amount);
    }
}
