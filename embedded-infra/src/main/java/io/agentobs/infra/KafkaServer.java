package io.agentobs.infra;

/** A single-node Kafka broker (KRaft) for clients on this machine. */
public interface KafkaServer extends InfraServer {

    /** Value for the clients' {@code bootstrap.servers}, e.g. {@code localhost:9092}. */
    String bootstrapServers();

    /** The port clients connect to; fixed for the server's lifetime, also across stop/start. */
    int port();
}
