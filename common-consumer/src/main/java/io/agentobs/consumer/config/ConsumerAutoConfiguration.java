package io.agentobs.consumer.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agentobs.consumer.BatchProcessor;
import io.agentobs.consumer.EventSink;
import io.agentobs.consumer.buffered.BufferedBatchProcessor;
import io.agentobs.consumer.buffered.BufferedOffsetCommitter;
import io.agentobs.consumer.buffered.BufferingRebalanceListener;
import io.agentobs.consumer.buffered.BufferingSink;
import io.agentobs.consumer.buffered.IdleFlushListener;
import io.agentobs.consumer.dlq.DeadLetterPublisher;
import io.agentobs.consumer.health.BackgroundChecks;
import io.agentobs.consumer.health.KafkaHealthIndicator;
import io.agentobs.consumer.health.KafkaMonitor;
import io.agentobs.consumer.health.LegacyStatusController;
import io.agentobs.consumer.health.ListenerLivenessIndicator;
import io.agentobs.consumer.health.SinkHealth;
import io.agentobs.consumer.health.SinkHealthIndicator;
import io.agentobs.consumer.logging.BadRecordLog;
import io.agentobs.consumer.metrics.ConsumerMetrics;
import io.agentobs.consumer.offsets.KafkaClusterId;
import io.agentobs.consumer.offsets.SinkOffsets;
import io.agentobs.consumer.offsets.StoredOffsetSeeker;
import io.agentobs.consumer.retry.BatchRetryListener;
import io.agentobs.consumer.retry.InfiniteRetryErrorHandler;
import io.agentobs.events.codec.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Everything a consumer service needs around its listener method and its sink: the batch container factory
 * (the default {@code kafkaListenerContainerFactory}), manual commit after the batch, dead-letter publishing, infinite
 * backoff, health, metrics and lag.
 *
 * <p>A service declares an {@link EventSink} bean and a listener:
 * <pre>{@code
 * @KafkaListener(topics = "#{@agentobsTopics}")
 * void onBatch(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
 *     processor.process(records, sink);
 * }
 * }</pre>
 *
 * <p>A service whose sink stores the consumer offsets with its data also declares a
 * {@link SinkOffsets} bean; the consumer then resumes from those offsets on every assignment. A sink that keeps events
 * across batches (files) is a {@link BufferingSink}: offsets are then committed only up to what it has stored, and
 * its listener calls {@link BufferedBatchProcessor} instead.
 */
@AutoConfiguration
@EnableKafka
@EnableConfigurationProperties({ConsumerProperties.class, KafkaConnectionProperties.class})
public class ConsumerAutoConfiguration {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration AUTH_RETRY_INTERVAL = Duration.ofSeconds(10);

    @Bean
    @ConditionalOnMissingBean
    public EventCodec eventCodec(ConsumerProperties consumer) {
        return new EventCodec(consumer.maxEventBytes());
    }

    /** Topics of the service's listener, for {@code @KafkaListener(topics = "#{@agentobsTopics}")}. */
    @Bean
    public String[] agentobsTopics(ConsumerProperties consumer) {
        return consumer.topics().toArray(String[]::new);
    }

    @Bean
    @ConditionalOnMissingBean(name = "agentobsConsumerFactory")
    public ConsumerFactory<byte[], byte[]> agentobsConsumerFactory(KafkaConnectionProperties kafka, ConsumerProperties consumer,
                                                                   MeterRegistry registry, Environment environment) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, consumer.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, serviceName(environment));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, consumer.autoOffsetReset());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, consumer.batchSize());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) consumer.batchTimeout().toMillis());
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, consumer.fetchMinBytes());
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) consumer.sessionTimeout().toMillis());
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) consumer.maxPollInterval().toMillis());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Incremental rebalancing: scaling or redeploying one instance moves only the partitions that change owner,
        // instead of revoking every partition of every instance (and interrupting batches being retried).
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        DefaultKafkaConsumerFactory<byte[], byte[]> factory = new DefaultKafkaConsumerFactory<>(props,
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        factory.addListener(new MicrometerConsumerListener<>(registry, List.of(Tag.of("group", consumer.groupId()))));
        return factory;
    }

    @Bean
    @ConditionalOnMissingBean(name = "agentobsDeadLetterProducerFactory")
    public ProducerFactory<byte[], byte[]> agentobsDeadLetterProducerFactory(KafkaConnectionProperties kafka, ConsumerProperties consumer,
                                                                             Environment environment) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        // room for the largest accepted event plus the reason headers; a broker that still refuses gets the
        // dead letter without its value (DeadLetterPublisher)
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(consumer.maxEventBytes(), 1_048_576) + 262_144);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName(environment) + "-dlq");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new DefaultKafkaProducerFactory<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Bean
    @ConditionalOnMissingBean(name = "agentobsDeadLetterTemplate")
    public KafkaTemplate<byte[], byte[]> agentobsDeadLetterTemplate(ProducerFactory<byte[], byte[]> agentobsDeadLetterProducerFactory) {
        return new KafkaTemplate<>(agentobsDeadLetterProducerFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    public DeadLetterPublisher deadLetterPublisher(KafkaTemplate<byte[], byte[]> agentobsDeadLetterTemplate, ConsumerProperties consumer) {
        return new DeadLetterPublisher(agentobsDeadLetterTemplate, consumer.groupId(), Duration.ofSeconds(35), CLOCK);
    }

    @Bean
    public SinkHealth sinkHealth() {
        return new SinkHealth(CLOCK);
    }

    @Bean
    public ConsumerMetrics consumerMetrics(MeterRegistry registry) {
        return new ConsumerMetrics(registry, CLOCK);
    }

    @Bean
    public BadRecordLog badRecordLog() {
        return new BadRecordLog();
    }

    @Bean
    public BatchProcessor batchProcessor(EventCodec codec, DeadLetterPublisher deadLetters, SinkHealth sinkHealth,
                                         ConsumerMetrics metrics, BadRecordLog badRecordLog) {
        return new BatchProcessor(codec, deadLetters, sinkHealth, metrics, badRecordLog);
    }

    @Bean
    public BatchRetryListener batchRetryListener(ConsumerMetrics metrics) {
        return new BatchRetryListener(metrics);
    }

    /** The default container factory: batch listener, commit after the batch, infinite retry of failed batches. */
    @Bean
    @ConditionalOnMissingBean(name = "kafkaListenerContainerFactory")
    public ConcurrentKafkaListenerContainerFactory<byte[], byte[]> kafkaListenerContainerFactory(
            ConsumerFactory<byte[], byte[]> agentobsConsumerFactory, ConsumerProperties consumer, BatchRetryListener retryListener,
            ObjectProvider<SinkOffsets> sinkOffsets, KafkaClusterId kafkaClusterId,
            ObjectProvider<BufferingSink> bufferingSinks, ObjectProvider<BufferedOffsetCommitter> bufferedCommitter) {
        ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(agentobsConsumerFactory);
        factory.setBatchListener(true);
        factory.setConcurrency(consumer.concurrency());
        factory.setCommonErrorHandler(InfiniteRetryErrorHandler.create(consumer.retry(), retryListener));
        ContainerProperties container = factory.getContainerProperties();
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setSyncCommits(true);
        container.setPollTimeout(1_000);
        container.setShutdownTimeout(consumer.shutdownTimeout().toMillis());
        container.setMicrometerEnabled(true);
        // A rejected login (rotated password, SASL server hiccup) is retried like any outage instead of stopping
        // the consumer thread for good; readiness shows the authentication error meanwhile.
        container.setAuthExceptionRetryInterval(AUTH_RETRY_INTERVAL);
        sinkOffsets.ifAvailable(offsets -> container.setConsumerRebalanceListener(
                new StoredOffsetSeeker(offsets, kafkaClusterId)));
        bufferingSinks.ifAvailable(sink -> {
            if (sinkOffsets.getIfAvailable() != null) {
                throw new IllegalStateException("A service declares either a SinkOffsets or a BufferingSink, not both");
            }
            // Offsets are committed by BufferedOffsetCommitter up to what the sink has stored, never by the container.
            container.setAckMode(ContainerProperties.AckMode.MANUAL);
            container.setIdleEventInterval(sink.flushCheckInterval().toMillis());
            container.setConsumerRebalanceListener(
                    new BufferingRebalanceListener(sink, bufferedCommitter.getObject()));
        });
        return factory;
    }

    /** Commits for a {@link BufferingSink}: only what it stored, after each batch and while idle. */
    @Bean
    @ConditionalOnBean(BufferingSink.class)
    public BufferedOffsetCommitter bufferedOffsetCommitter(BufferingSink sink) {
        return new BufferedOffsetCommitter(sink);
    }

    @Bean
    @ConditionalOnBean(BufferingSink.class)
    public BufferedBatchProcessor bufferedBatchProcessor(BatchProcessor processor, BufferingSink sink,
                                                         BufferedOffsetCommitter committer, SinkHealth sinkHealth) {
        return new BufferedBatchProcessor(processor, sink, committer, sinkHealth);
    }

    @Bean
    @ConditionalOnBean(BufferingSink.class)
    public IdleFlushListener idleFlushListener(BufferingSink sink, BufferedOffsetCommitter committer,
                                               SinkHealth sinkHealth) {
        return new IdleFlushListener(sink, committer, sinkHealth);
    }

    /** The Kafka cluster's id, for sinks that store offsets with their data. */
    @Bean
    public KafkaClusterId kafkaClusterId(Admin agentobsAdmin) {
        return new KafkaClusterId(agentobsAdmin, ADMIN_TIMEOUT);
    }

    @Bean(destroyMethod = "close")
    public Admin agentobsAdmin(KafkaConnectionProperties kafka, Environment environment) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, serviceName(environment) + "-monitor");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        return Admin.create(props);
    }

    @Bean
    public KafkaMonitor kafkaMonitor(Admin agentobsAdmin, ConsumerProperties consumer, MeterRegistry registry,
                                     KafkaListenerEndpointRegistry listeners) {
        return new KafkaMonitor(agentobsAdmin, consumer.groupId(), consumer.topics(), ADMIN_TIMEOUT, registry, CLOCK,
                () -> assignedPartitions(listeners));
    }

    private static Set<TopicPartition> assignedPartitions(KafkaListenerEndpointRegistry listeners) {
        Set<TopicPartition> assigned = new HashSet<>();
        for (MessageListenerContainer container : listeners.getAllListenerContainers()) {
            Collection<TopicPartition> partitions = container.getAssignedPartitions();
            if (partitions != null) {
                assigned.addAll(partitions);
            }
        }
        return assigned;
    }

    @Bean
    public BackgroundChecks agentobsBackgroundChecks(KafkaMonitor kafkaMonitor, ObjectProvider<EventSink> sinks,
                                                     SinkHealth sinkHealth, BadRecordLog badRecordLog, ConsumerProperties consumer) {
        return new BackgroundChecks(kafkaMonitor, sinks.orderedStream().toList(), sinkHealth, badRecordLog,
                consumer.healthCheckInterval(), consumer.badRecordLogInterval(), ADMIN_TIMEOUT);
    }

    @Bean
    public KafkaHealthIndicator kafkaHealthIndicator(KafkaMonitor kafkaMonitor, ConsumerProperties consumer) {
        return new KafkaHealthIndicator(kafkaMonitor, consumer.healthCheckInterval().multipliedBy(3).plus(ADMIN_TIMEOUT.multipliedBy(2)), CLOCK);
    }

    @Bean
    public SinkHealthIndicator sinkHealthIndicator(SinkHealth sinkHealth) {
        return new SinkHealthIndicator(sinkHealth);
    }

    @Bean
    public ListenerLivenessIndicator listenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
        return new ListenerLivenessIndicator(registry);
    }

    @Bean
    public LegacyStatusController legacyStatusController(ListenerLivenessIndicator liveness, KafkaHealthIndicator kafka,
                                                         SinkHealthIndicator sink, ConsumerMetrics metrics) {
        return new LegacyStatusController(liveness, kafka, sink, metrics);
    }

    /** Tags every meter with the service name and consumer group. */
    @Bean
    public MeterRegistryCustomizer<MeterRegistry> agentobsCommonTags(Environment environment, ConsumerProperties consumer) {
        return registry -> registry.config().commonTags("service", serviceName(environment), "group", consumer.groupId());
    }

    private static String serviceName(Environment environment) {
        return environment.getProperty("spring.application.name", "agentobs-consumer");
    }
}
