package io.agentobs.cli;

import io.agentobs.cli.kafka.NoJmxServerBuilder;

import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The training run behind bin/agentobs's start-up cache: runs a one-event publish end to end in-process (options,
 * validation, connection, ApiVersions, Metadata and Produce exchanges, result) against a throw-away spool and a local
 * stand-in broker that answers those three requests as a one-partition Kafka broker would, then a usage error, so the
 * JVM's class-data sharing archive or AOT cache holds what a publish loads, and little else: the cache is mapped (on
 * JDK 25, loaded) whole on every start, so paths a publish rarely takes (the KafkaProducer behind spool drains,
 * publish, simulate) are left to load from the jars when they run.
 */
public final class StartupTraining {

    private static final short PRODUCE = 0;
    private static final short METADATA = 3;
    private static final short API_VERSIONS = 18;
    /** A host name rather than an address, so that the cache holds the name lookup a configured broker takes. */
    private static final String BROKER_HOST = "localhost";

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        AgentobsCli.configureLogging(Map.of());
        NoJmxServerBuilder.install();
        // A spool directory that does not exist: a publish that reaches Kafka never creates it, and a temporary
        // directory would bring the secure random behind its name into the cache.
        File spool = new File(System.getProperty("java.io.tmpdir"),
                "agentobs-training-" + ProcessHandle.current().pid());
        // Listening where the name resolves first, which is where the client connects first.
        try (ServerSocket broker = new ServerSocket(0, 50, InetAddress.getByName(BROKER_HOST))) {
            Thread answer = new Thread(() -> answerEveryConnection(broker), "agentobs-training-broker");
            answer.setDaemon(true);
            answer.start();
            Map<String, String> env = Map.of(
                    "KAFKA_BROKERS", BROKER_HOST + ":" + broker.getLocalPort(),
                    "AGENTOBS_SPOOL_DIR", spool.getPath(),
                    "AGENTOBS_SEND_TIMEOUT_MS", "5000");
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
            CliContext context = new CliContext(env, new ByteArrayInputStream(new byte[0]), discard, discard,
                    Clock.systemUTC());
            for (int i = 0; i < 2; i++) {
                AgentobsCli.run(context, "log-action", "--agent-name", "agent-training", "--action-type", "tool_call",
                        "--action-name", "Read", "--duration-ms", "12", "--action-details", "{\"file\":\"a.txt\"}");
            }
            AgentobsCli.run(context, "log-routing-decision", "--agent", "agent-training", "--confidence", "0.9",
                    "--bogus-option");
        } finally {
            delete(spool);
        }
    }

    private static void delete(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                delete(child);
            }
        }
        file.delete();
    }

    private static void answerEveryConnection(ServerSocket broker) {
        while (!broker.isClosed()) {
            try (Socket client = broker.accept()) {
                client.setSoTimeout(5000);
                DataInputStream in = new DataInputStream(client.getInputStream());
                DataOutputStream out = new DataOutputStream(client.getOutputStream());
                while (true) {
                    byte[] request = new byte[in.readInt()];
                    in.readFully(request);
                    byte[] response = answer(ByteBuffer.wrap(request), broker);
                    if (response != null) {
                        out.write(response);
                        out.flush();
                    }
                }
            } catch (IOException | RuntimeException closedOrTimedOut) {
                // The client is done with this connection, or the training is over.
            }
        }
    }

    /** The response frame to one request frame, or null for a request the stand-in broker does not answer. */
    private static byte[] answer(ByteBuffer request, ServerSocket broker) {
        short apiKey = request.getShort(0);
        short version = request.getShort(2);
        boolean flexible = switch (apiKey) {
            case API_VERSIONS -> version >= 3;
            case METADATA, PRODUCE -> version >= 9;
            default -> false;
        };
        ByteBufferAccessor readable = new ByteBufferAccessor(request);
        RequestHeaderData header = new RequestHeaderData(readable, flexible ? (short) 2 : (short) 1);
        ApiMessage body;
        switch (apiKey) {
            case API_VERSIONS -> {
                ApiVersionsResponseData.ApiVersionCollection keys = new ApiVersionsResponseData.ApiVersionCollection();
                keys.add(new ApiVersionsResponseData.ApiVersion().setApiKey(PRODUCE).setMinVersion((short) 3)
                        .setMaxVersion((short) 13));
                keys.add(new ApiVersionsResponseData.ApiVersion().setApiKey(METADATA).setMinVersion((short) 0)
                        .setMaxVersion((short) 13));
                keys.add(new ApiVersionsResponseData.ApiVersion().setApiKey(API_VERSIONS).setMinVersion((short) 0)
                        .setMaxVersion((short) 4));
                body = new ApiVersionsResponseData().setApiKeys(keys);
            }
            case METADATA -> {
                MetadataRequestData asked = new MetadataRequestData(readable, version);
                MetadataResponseData.MetadataResponseBrokerCollection brokers =
                        new MetadataResponseData.MetadataResponseBrokerCollection();
                brokers.add(new MetadataResponseData.MetadataResponseBroker().setNodeId(0)
                        .setHost(BROKER_HOST).setPort(broker.getLocalPort()));
                MetadataResponseData.MetadataResponseTopicCollection topics =
                        new MetadataResponseData.MetadataResponseTopicCollection();
                for (MetadataRequestData.MetadataRequestTopic topic : asked.topics()) {
                    topics.add(new MetadataResponseData.MetadataResponseTopic().setName(topic.name())
                            .setPartitions(List.of(new MetadataResponseData.MetadataResponsePartition()
                                    .setPartitionIndex(0).setLeaderId(0).setReplicaNodes(List.of(0))
                                    .setIsrNodes(List.of(0)))));
                }
                body = new MetadataResponseData().setBrokers(brokers).setTopics(topics);
            }
            case PRODUCE -> {
                ProduceRequestData asked = new ProduceRequestData(readable, version);
                if (asked.acks() == 0) {
                    return null;
                }
                ProduceResponseData.TopicProduceResponseCollection responses =
                        new ProduceResponseData.TopicProduceResponseCollection();
                for (ProduceRequestData.TopicProduceData topic : asked.topicData()) {
                    ProduceResponseData.TopicProduceResponse response = new ProduceResponseData.TopicProduceResponse()
                            .setName(topic.name());
                    for (ProduceRequestData.PartitionProduceData partition : topic.partitionData()) {
                        response.partitionResponses().add(new ProduceResponseData.PartitionProduceResponse()
                                .setIndex(partition.index()).setBaseOffset(0));
                    }
                    responses.add(response);
                }
                body = new ProduceResponseData().setResponses(responses);
            }
            default -> {
                return null;
            }
        }
        // ApiVersions responses keep header v0 in every version.
        short responseHeaderVersion = flexible && apiKey != API_VERSIONS ? (short) 1 : (short) 0;
        ResponseHeaderData responseHeader = new ResponseHeaderData().setCorrelationId(header.correlationId());
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int size = responseHeader.size(cache, responseHeaderVersion) + body.size(cache, version);
        ByteBuffer frame = ByteBuffer.allocate(4 + size);
        frame.putInt(size);
        ByteBufferAccessor writable = new ByteBufferAccessor(frame);
        responseHeader.write(writable, cache, responseHeaderVersion);
        body.write(writable, cache, version);
        return frame.array();
    }
}
