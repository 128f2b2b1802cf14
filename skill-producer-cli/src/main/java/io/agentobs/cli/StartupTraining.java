package io.agentobs.cli;

import io.agentobs.cli.kafka.NoJmxServerBuilder;

import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.FindCoordinatorResponse;
import org.apache.kafka.common.requests.InitProducerIdResponse;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.ResponseHeader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run behind bin/agentobs's start-up cache: runs a one-event publish end to end in-process (options,
 * validation, Kafka producer start, connection attempt, spool append and drain) against a closed local port and a
 * throw-away spool, so the JVM's class-data sharing archive or AOT cache holds what a real publish loads. The
 * "broker" is a local socket that accepts each connection, reads the client's first request and hangs up, so the
 * client's network path is exercised too.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        AgentobsCli.configureLogging(Map.of());
        NoJmxServerBuilder.install();
        Path spool = Files.createTempDirectory("agentobs-training-");
        try (ServerSocket broker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread hangUp = new Thread(() -> hangUpOnEveryConnection(broker), "agentobs-training-broker");
            hangUp.setDaemon(true);
            hangUp.start();
            Map<String, String> env = Map.of(
                    "KAFKA_BROKERS", "127.0.0.1:" + broker.getLocalPort(),
                    "AGENTOBS_SPOOL_DIR", spool.toString(),
                    "AGENTOBS_SEND_TIMEOUT_MS", "300");
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
            CliContext context = new CliContext(env, new ByteArrayInputStream(new byte[0]), discard, discard,
                    Clock.systemUTC());
            for (int i = 0; i < 2; i++) {
                AgentobsCli.run(context, "log-action", "--agent-name", "agent-training", "--action-type", "tool_call",
                        "--action-name", "Read", "--duration-ms", "12", "--action-details", "{\"file\":\"a.txt\"}");
            }
            loadResponseHandling();
            AgentobsCli.run(context, "log-routing-decision", "--agent", "agent-training", "--confidence", "0.9",
                    "--bogus-option");
        } finally {
            try (Stream<Path> files = Files.walk(spool)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * What the client loads only when a broker answers, which the hang-up broker never does: the error table (with
     * its exception classes) and the response types of a publish.
     */
    private static void loadResponseHandling() {
        Errors.values();
        for (Class<?> response : List.of(ResponseHeader.class, ApiVersionsResponse.class, MetadataResponse.class,
                InitProducerIdResponse.class, ProduceResponse.class, FindCoordinatorResponse.class)) {
            try {
                Class.forName(response.getName(), true, response.getClassLoader());
            } catch (ClassNotFoundException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static void hangUpOnEveryConnection(ServerSocket broker) {
        while (!broker.isClosed()) {
            try (Socket client = broker.accept()) {
                client.setSoTimeout(1000);
                client.getInputStream().read(new byte[4096]);
            } catch (IOException closedOrTimedOut) {
                // The next connection, or the end of training.
            }
        }
    }
}
