package io.agentobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.agentobs.infra.junit.KafkaExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Round trips through a dedicated broker on a random port, outages of it and of one on a fixed port, SASL. */
class KafkaServerIT {

    @RegisterExtension
    static final KafkaExtension kafka = new KafkaExtension();

    @Test
    void producedRecordIsConsumedFromAnAutoCreatedTopic() throws Exception {
        send(kafka.bootstrapServers(), "round-trip", "key-1", "hello");

        assertThat(consume(kafka.bootstrapServers(), "round-trip", "round-trip-group", 1))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("key-1", "hello"));
    }

    @Test
    void brokerRestartsOnTheSamePortWithItsRecords() throws Exception {
        String bootstrapServers = kafka.bootstrapServers();
        send(bootstrapServers, "outage", "k", "before-outage");

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        assertThat(Ports.isOpen(kafka.port())).isFalse();

        kafka.start();
        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrapServers);
        send(bootstrapServers, "outage", "k", "after-outage");
        assertThat(consume(bootstrapServers, "outage", "outage-group", 2))
                .extracting(ConsumerRecord::value)
                .containsExactly("before-outage", "after-outage");
    }

    @Test
    void brokerOnAFixedPortRestartsOnIt() throws Exception {
        int port = FreePorts.next();
        try (KafkaServer fixed = new EmbeddedKafkaServer(KafkaOptions.fixedPort(port))) {
            fixed.start();
            assertThat(fixed.bootstrapServers()).isEqualTo("localhost:" + port);
            send(fixed.bootstrapServers(), "fixed", "k", "before-outage");

            fixed.stop();
            assertThat(Ports.isOpen(port)).isFalse();

            fixed.start();
            send(fixed.bootstrapServers(), "fixed", "k", "after-outage");
            assertThat(consume(fixed.bootstrapServers(), "fixed", "fixed-group", 2))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("before-outage", "after-outage");
        }
        assertThat(Ports.isOpen(port)).isFalse();
    }

    @Test
    void saslPortTakenBeforeTheBrokerBindsItIsReplacedByAFreeOne() throws Exception {
        KafkaOptions sasl = KafkaOptions.randomPort().withSaslUsers(Map.of("alice", "alice-secret"));
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             KafkaServer late = new EmbeddedKafkaServer(sasl, Ports.takenFirst(squatter.getLocalPort()))) {
            late.start();

            assertThat(late.port()).isNotEqualTo(squatter.getLocalPort());
            Map<String, Object> alice = Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, late.bootstrapServers(),
                    AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                    SaslConfigs.SASL_MECHANISM, "PLAIN",
                    SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                            + " username=\"alice\" password=\"alice-secret\";");
            try (Admin admin = Admin.create(alice)) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            }
        }
    }

    private static void send(String bootstrapServers, String topic, String key, String value)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> consume(String bootstrapServers, String topic, String group,
                                                                int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
