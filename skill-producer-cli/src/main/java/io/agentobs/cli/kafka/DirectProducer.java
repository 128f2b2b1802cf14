package io.agentobs.cli.kafka;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.record.MemoryRecords;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends the one record of a one-event publish over a plain Kafka connection on the calling thread, speaking the
 * protocol through kafka-clients' own message classes (ApiVersions, Metadata, Produce) instead of starting a
 * KafkaProducer, whose configuration, metrics, buffer pool, I/O thread and request catalogue take far longer to set up
 * than the send itself in a process that lives for one record. It keeps the producer's contract for that record: the
 * default partitioner's choice, the acks from KAFKA_ACKS, retries of retriable errors up to KAFKA_RETRIES, the
 * producer's record-size check and its exceptions, all within the send timeout. It serves PLAINTEXT connections
 * without compression; other configurations, and brokers lacking the protocol versions used here, are
 * {@link Unsupported} and go to the KafkaProducer.
 */
final class DirectProducer {

    /** Why this path cannot send a record: the caller uses the KafkaProducer instead. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final short PRODUCE = 0;
    private static final short METADATA = 3;
    private static final short API_VERSIONS = 18;
    /** ApiVersions v3 (brokers since 2.4) is the first flexible version; older brokers answer v0 with an error. */
    private static final short API_VERSIONS_VERSION = 3;
    /** Produce v3 is the oldest version brokers still accept; v13 names topics by id, which this path does not. */
    private static final short PRODUCE_MIN = 3;
    private static final short PRODUCE_MAX = 12;
    /** Metadata v4 adds AllowAutoTopicCreation, which the producer sets; v12 is the last the broker lets name topics. */
    private static final short METADATA_MIN = 4;
    private static final short METADATA_MAX = 12;
    /** The first flexible versions, which use request header v2 and response header v1. */
    private static final short PRODUCE_FLEXIBLE = 9;
    private static final short METADATA_FLEXIBLE = 9;
    /** The producer's max.request.size default, which it checks each record against before sending. */
    private static final int MAX_REQUEST_SIZE = 1024 * 1024;
    /** Responses larger than this are not Kafka's answer to these requests. */
    private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
    /** The producer's defaults for reconnect.backoff.max.ms (as the CLI sets it) and retry.backoff.(max.)ms. */
    private static final long RECONNECT_BACKOFF_MS = 50;
    private static final long RECONNECT_BACKOFF_MAX_MS = 500;
    private static final long RETRY_BACKOFF_MS = 100;
    private static final long RETRY_BACKOFF_MAX_MS = 1000;
    private static final String CLIENT_ID = "agentobs-cli";
    private static final short NO_ERROR = 0;
    /** A produce response's log append time when the topic keeps create times. */
    private static final long NO_TIMESTAMP = -1;

    private final ProducerSettings settings;
    private final short acks;
    private final long deadline;
    private Connection bootstrap;
    private Connection leader;

    private DirectProducer(ProducerSettings settings) {
        this.settings = settings;
        this.acks = switch (settings.acks()) {
            case "0" -> 0;
            case "1" -> 1;
            default -> -1;
        };
        this.deadline = System.currentTimeMillis() + settings.timeout().toMillis();
    }

    /** Whether this path can serve {@code settings}: a plain connection and no compression. */
    static boolean serves(ProducerSettings settings) {
        return "PLAINTEXT".equals(settings.connection().securityProtocol())
                && (settings.compression() == null || "none".equals(settings.compression()));
    }

    /**
     * Sends one record and waits for its acknowledgement as {@code settings} asks.
     *
     * @throws Unsupported when a broker lacks the protocol versions used here, found before sending to it (an
     *         earlier attempt on another broker may have failed, so that the KafkaProducer's send is a retry)
     * @throws KafkaException what the KafkaProducer would have failed the record with: a retriable exception (timeout,
     *         no leader, network) once the timeout or the retries are used up, or the broker's refusal
     */
    static RecordMetadata send(ProducerSettings settings, String topic, String key, byte[] value)
            throws Unsupported {
        DirectProducer producer = new DirectProducer(settings);
        try {
            return producer.sendRecord(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
        } finally {
            producer.closeConnections();
        }
    }

    private RecordMetadata sendRecord(String topic, byte[] key, byte[] value) throws Unsupported {
        long timestamp = System.currentTimeMillis();
        int size = OneRecordBatch.estimatedSize(key, value);
        if (size > MAX_REQUEST_SIZE) {
            throw new RecordTooLargeException("The message is " + size + " bytes when serialized which is larger than "
                    + MAX_REQUEST_SIZE + ", which is the value of the max.request.size configuration.");
        }
        MemoryRecords records = MemoryRecords.readableRecords(OneRecordBatch.of(timestamp, key, value));
        int attempts = 0;
        long reconnectBackoff = RECONNECT_BACKOFF_MS;
        long retryBackoff = RETRY_BACKOFF_MS;
        int partition = -1;
        boolean sent = false;
        while (true) {
            try {
                Target target = locate(topic, key);
                if (target != null) {
                    partition = target.partition();
                    if (leader == null) {
                        leader = target.endpoint().sameAs(bootstrap.endpoint) ? bootstrap
                                : Connection.open(List.of(target.endpoint()), deadline);
                    }
                    sent = true;
                    ProduceResponseData.PartitionProduceResponse response = leader.produce(topic, partition, acks,
                            records, deadline);
                    sent = false;
                    if (response == null) {
                        return metadata(topic, partition, -1, timestamp, key, value);
                    }
                    if (response.errorCode() == NO_ERROR) {
                        long appendTime = response.logAppendTimeMs();
                        return metadata(topic, partition, response.baseOffset(),
                                appendTime == NO_TIMESTAMP ? timestamp : appendTime, key, value);
                    }
                    // The error table is loaded only now: its static set-up links a constructor reference per error.
                    Errors error = Errors.forCode(response.errorCode());
                    ApiException failure = error == Errors.TOPIC_AUTHORIZATION_FAILED
                            ? new TopicAuthorizationException(Set.of(topic))
                            : error.exception(response.errorMessage());
                    if (!(failure instanceof RetriableException) || attempts >= settings.retries()) {
                        throw failure;
                    }
                    attempts++;
                    forgetLeader();
                }
                pause(retryBackoff);
                retryBackoff = Math.min(retryBackoff * 2, RETRY_BACKOFF_MAX_MS);
            } catch (IOException unreachable) {
                // Like the producer: a lost connection is retried (a sent request counts as an attempt) until the
                // timeout; the retry may duplicate the record, which consumers drop by event_id.
                closeConnections();
                if (sent && System.currentTimeMillis() < deadline) {
                    if (attempts >= settings.retries()) {
                        throw new NetworkException("Connection to the partition leader was lost: "
                                + unreachable.getMessage());
                    }
                    attempts++;
                }
                sent = false;
                pause(reconnectBackoff);
                reconnectBackoff = Math.min(reconnectBackoff * 2, RECONNECT_BACKOFF_MAX_MS);
            }
            if (System.currentTimeMillis() >= deadline) {
                throw partition < 0
                        ? new TimeoutException("Topic " + topic + " not present in metadata after "
                                + settings.timeout().toMillis() + " ms.")
                        : new TimeoutException("Expiring 1 record(s) for " + topic + "-" + partition + ":"
                                + settings.timeout().toMillis() + " ms has passed since batch creation");
            }
        }
    }

    /** The partition for the record and its leader, or null while the topic or the leader is not known yet. */
    private Target locate(String topic, byte[] key) throws IOException, Unsupported {
        if (bootstrap == null) {
            bootstrap = Connection.open(bootstrapEndpoints(settings.connection().brokers()), deadline);
        }
        MetadataResponseData metadata = bootstrap.metadata(topic, deadline);
        MetadataResponseData.MetadataResponseTopic topicMetadata = metadata.topics().find(topic);
        if (topicMetadata == null) {
            return null;
        }
        if (topicMetadata.errorCode() != NO_ERROR) {
            Errors error = Errors.forCode(topicMetadata.errorCode());
            if (error == Errors.TOPIC_AUTHORIZATION_FAILED) {
                throw new TopicAuthorizationException(Set.of(topic));
            }
            ApiException failure = error.exception();
            if (failure instanceof RetriableException) {
                return null;
            }
            throw failure;
        }
        List<MetadataResponseData.MetadataResponsePartition> partitions = topicMetadata.partitions();
        if (partitions.isEmpty()) {
            return null;
        }
        int partition = key != null ? partitionForKey(key, partitions.size()) : anyAvailable(partitions);
        int leaderId = -1;
        for (MetadataResponseData.MetadataResponsePartition candidate : partitions) {
            if (candidate.partitionIndex() == partition) {
                leaderId = candidate.leaderId();
            }
        }
        MetadataResponseData.MetadataResponseBroker broker = leaderId < 0 ? null : metadata.brokers().find(leaderId);
        if (broker == null) {
            return null;
        }
        Endpoint endpoint = new Endpoint(broker.host(), broker.port());
        if (leader != null && !leader.endpoint.sameAs(endpoint)) {
            forgetLeader();
        }
        return new Target(partition, endpoint);
    }

    /**
     * The default partitioner's choice for a keyed record ({@code BuiltInPartitioner.partitionForKey}): the positive
     * murmur2 hash of the key bytes modulo the partition count, so that a key lands where every other producer of
     * the project puts it. Computed here because the client's version lives in its general utility class, whose
     * start-up (see {@link OneRecordBatch}) a one-record process does without.
     */
    static int partitionForKey(byte[] key, int partitions) {
        return (murmur2(key) & 0x7fffffff) % partitions;
    }

    /** Kafka's murmur2 (seed 0x9747b28c), as {@code Utils.murmur2}. */
    static int murmur2(byte[] data) {
        int length = data.length;
        int m = 0x5bd1e995;
        int r = 24;
        int h = 0x9747b28c ^ length;
        int length4 = length / 4;
        for (int i = 0; i < length4; i++) {
            int i4 = i * 4;
            int k = (data[i4] & 0xff) + ((data[i4 + 1] & 0xff) << 8) + ((data[i4 + 2] & 0xff) << 16)
                    + ((data[i4 + 3] & 0xff) << 24);
            k *= m;
            k ^= k >>> r;
            k *= m;
            h *= m;
            h ^= k;
        }
        int tail = length & ~3;
        switch (length % 4) {
            case 3:
                h ^= (data[tail + 2] & 0xff) << 16;
                // fall through
            case 2:
                h ^= (data[tail + 1] & 0xff) << 8;
                // fall through
            case 1:
                h ^= data[tail] & 0xff;
                h *= m;
                break;
            default:
                break;
        }
        h ^= h >>> 13;
        h *= m;
        h ^= h >>> 15;
        return h;
    }

    /** For a record without key the producer picks a partition that has a leader; so does this. */
    private static int anyAvailable(List<MetadataResponseData.MetadataResponsePartition> partitions) {
        List<Integer> available = new ArrayList<>();
        for (MetadataResponseData.MetadataResponsePartition partition : partitions) {
            if (partition.leaderId() >= 0) {
                available.add(partition.partitionIndex());
            }
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return available.isEmpty() ? partitions.get(random.nextInt(partitions.size())).partitionIndex()
                : available.get(random.nextInt(available.size()));
    }

    private static RecordMetadata metadata(String topic, int partition, long offset, long timestamp, byte[] key,
            byte[] value) {
        return new RecordMetadata(new TopicPartition(topic, partition), offset, 0, timestamp,
                key == null ? -1 : key.length, value.length);
    }

    private void forgetLeader() {
        if (leader != null && leader != bootstrap) {
            leader.close();
        }
        leader = null;
    }

    private void closeConnections() {
        forgetLeader();
        if (bootstrap != null) {
            bootstrap.close();
            bootstrap = null;
        }
    }

    /**
     * The producer's retry back-off ({@code retry.backoff.ms}) between attempts, cut to the send deadline. A plain
     * wait on the one thread this short-lived path has: nothing else runs meanwhile that a scheduler could serve.
     */
    private void pause(long millis) {
        long wait = Math.min(millis, deadline - System.currentTimeMillis());
        if (wait <= 0) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
            throw new InterruptException(interrupted);
        }
    }

    /** {@code host:port,host:port}, IPv6 hosts in brackets, as bootstrap.servers takes them. */
    static List<Endpoint> bootstrapEndpoints(String brokers) throws Unsupported {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String entry : brokers.split(",")) {
            String address = entry.trim();
            if (address.isEmpty()) {
                continue;
            }
            int colon = address.lastIndexOf(':');
            if (colon <= 0 || colon == address.length() - 1) {
                throw new Unsupported("no port in bootstrap address " + address);
            }
            String host = address.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                endpoints.add(new Endpoint(host, Integer.parseInt(address.substring(colon + 1))));
            } catch (NumberFormatException notPort) {
                throw new Unsupported("bad port in bootstrap address " + address);
            }
        }
        if (endpoints.isEmpty()) {
            throw new Unsupported("no bootstrap address");
        }
        return endpoints;
    }

    /** A broker's advertised address. */
    record Endpoint(String host, int port) {

        /** Compares fields directly: a record's generated equals links through method handles on first use. */
        boolean sameAs(Endpoint other) {
            return port == other.port && host.equals(other.host);
        }
    }

    /** Where the record goes. */
    private record Target(int partition, Endpoint endpoint) {
    }

    /** One broker connection with the request versions both sides support. */
    private static final class Connection implements AutoCloseable {

        private final Endpoint endpoint;
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private short metadataVersion;
        private short produceVersion;
        private int correlationId;

        private Connection(Endpoint endpoint, Socket socket) throws IOException {
            this.endpoint = endpoint;
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Connects to the first endpoint (and address of it) that answers and agrees on versions. */
        static Connection open(List<Endpoint> endpoints, long deadline) throws IOException, Unsupported {
            IOException failure = null;
            for (Endpoint endpoint : endpoints) {
                InetAddress[] addresses;
                try {
                    addresses = resolve(endpoint.host());
                } catch (IOException unknownHost) {
                    failure = unknownHost;
                    continue;
                }
                for (InetAddress address : addresses) {
                    Socket socket = new Socket();
                    try {
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress(address, endpoint.port()), remaining(deadline));
                        Connection connection = new Connection(endpoint, socket);
                        connection.negotiate(deadline);
                        return connection;
                    } catch (IOException | Unsupported | RuntimeException unusable) {
                        closeQuietly(socket);
                        if (unusable instanceof IOException io) {
                            failure = io;
                        } else if (unusable instanceof Unsupported unsupported) {
                            throw unsupported;
                        } else {
                            throw (RuntimeException) unusable;
                        }
                    }
                }
            }
            throw failure != null ? failure : new IOException("no address to connect to");
        }

        /**
         * The addresses of {@code host}, as the producer resolves it. The first name lookup of a JDK 18+ process
         * looks for a resolver provider with the context class loader, which opens every jar of the class path to
         * search; none of the CLI's jars holds one, so the lookup is done with the platform class loader instead
         * and finds the same built-in resolver without opening them.
         */
        private static InetAddress[] resolve(String host) throws IOException {
            Thread thread = Thread.currentThread();
            ClassLoader contextLoader = thread.getContextClassLoader();
            thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
            try {
                return InetAddress.getAllByName(host);
            } finally {
                thread.setContextClassLoader(contextLoader);
            }
        }

        Endpoint endpoint() {
            return endpoint;
        }

        private void negotiate(long deadline) throws IOException, Unsupported {
            ApiVersionsRequestData request = new ApiVersionsRequestData()
                    .setClientSoftwareName(CLIENT_ID)
                    .setClientSoftwareVersion("1");
            // ApiVersions responses keep header v0 in every version, so that old brokers can answer any request.
            ByteBuffer body = exchange(API_VERSIONS, API_VERSIONS_VERSION, request, (short) 0, deadline);
            short errorCode = body.getShort(body.position());
            if (errorCode != NO_ERROR) {
                throw new Unsupported("ApiVersions v" + API_VERSIONS_VERSION + " refused: " + errorCode);
            }
            ApiVersionsResponseData versions = new ApiVersionsResponseData(new ByteBufferAccessor(body),
                    API_VERSIONS_VERSION);
            metadataVersion = usable(versions, METADATA, METADATA_MIN, METADATA_MAX);
            produceVersion = usable(versions, PRODUCE, PRODUCE_MIN, PRODUCE_MAX);
        }

        private static short usable(ApiVersionsResponseData versions, short apiKey, short min, short max)
                throws Unsupported {
            ApiVersionsResponseData.ApiVersion broker = versions.apiKeys().find(apiKey);
            if (broker == null) {
                throw new Unsupported("broker lacks API " + apiKey);
            }
            short version = (short) Math.min(max, broker.maxVersion());
            if (version < Math.max(min, broker.minVersion())) {
                throw new Unsupported("no common version of API " + apiKey);
            }
            return version;
        }

        MetadataResponseData metadata(String topic, long deadline) throws IOException {
            MetadataRequestData request = new MetadataRequestData()
                    .setTopics(List.of(new MetadataRequestData.MetadataRequestTopic().setName(topic)))
                    .setAllowAutoTopicCreation(true);
            ByteBuffer body = exchange(METADATA, metadataVersion, request,
                    responseHeaderVersion(metadataVersion, METADATA_FLEXIBLE), deadline);
            return new MetadataResponseData(new ByteBufferAccessor(body), metadataVersion);
        }

        /** The partition's answer, or null with acks=0, when the broker sends none. */
        ProduceResponseData.PartitionProduceResponse produce(String topic, int partition, short acks,
                MemoryRecords records, long deadline) throws IOException {
            ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
            topics.add(new ProduceRequestData.TopicProduceData()
                    .setName(topic)
                    .setPartitionData(List.of(new ProduceRequestData.PartitionProduceData()
                            .setIndex(partition)
                            .setRecords(records))));
            ProduceRequestData request = new ProduceRequestData()
                    .setAcks(acks)
                    .setTimeoutMs(remaining(deadline))
                    .setTopicData(topics);
            if (acks == 0) {
                write(PRODUCE, produceVersion, request);
                return null;
            }
            ByteBuffer body = exchange(PRODUCE, produceVersion, request,
                    responseHeaderVersion(produceVersion, PRODUCE_FLEXIBLE), deadline);
            ProduceResponseData response = new ProduceResponseData(new ByteBufferAccessor(body), produceVersion);
            for (ProduceResponseData.TopicProduceResponse topicResponse : response.responses()) {
                for (ProduceResponseData.PartitionProduceResponse partitionResponse
                        : topicResponse.partitionResponses()) {
                    if (partitionResponse.index() == partition) {
                        return partitionResponse;
                    }
                }
            }
            throw new IOException("the produce response has no answer for " + topic + "-" + partition);
        }

        private ByteBuffer exchange(short apiKey, short version, Message request, short responseHeaderVersion,
                long deadline) throws IOException {
            int sentId = write(apiKey, version, request);
            socket.setSoTimeout(remaining(deadline));
            int size;
            try {
                size = in.readInt();
                if (size < 4 || size > MAX_RESPONSE_BYTES) {
                    throw new IOException("invalid response size " + size);
                }
                byte[] response = new byte[size];
                in.readFully(response);
                ByteBuffer buffer = ByteBuffer.wrap(response);
                ResponseHeaderData header = new ResponseHeaderData(new ByteBufferAccessor(buffer),
                        responseHeaderVersion);
                if (header.correlationId() != sentId) {
                    throw new IOException("response to request " + header.correlationId() + ", expected " + sentId);
                }
                return buffer;
            } catch (SocketTimeoutException | EOFException broken) {
                throw broken;
            } catch (RuntimeException malformed) {
                throw new IOException("malformed response: " + malformed, malformed);
            }
        }

        private int write(short apiKey, short version, Message request) throws IOException {
            int id = ++correlationId;
            boolean flexible = switch (apiKey) {
                case PRODUCE -> version >= PRODUCE_FLEXIBLE;
                case METADATA -> version >= METADATA_FLEXIBLE;
                default -> version >= API_VERSIONS_VERSION;
            };
            short headerVersion = flexible ? (short) 2 : (short) 1;
            RequestHeaderData header = new RequestHeaderData()
                    .setRequestApiKey(apiKey)
                    .setRequestApiVersion(version)
                    .setCorrelationId(id)
                    .setClientId(CLIENT_ID);
            ObjectSerializationCache cache = new ObjectSerializationCache();
            int size = header.size(cache, headerVersion) + request.size(cache, version);
            ByteBuffer frame = ByteBuffer.allocate(4 + size);
            frame.putInt(size);
            ByteBufferAccessor accessor = new ByteBufferAccessor(frame);
            header.write(accessor, cache, headerVersion);
            request.write(accessor, cache, version);
            out.write(frame.array(), 0, frame.position());
            out.flush();
            return id;
        }

        private static short responseHeaderVersion(short version, short firstFlexible) {
            return version >= firstFlexible ? (short) 1 : (short) 0;
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a connection this process is done with.
            }
        }
    }

    private static int remaining(long deadline) throws SocketTimeoutException {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
            throw new SocketTimeoutException("send timeout reached");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }
}
