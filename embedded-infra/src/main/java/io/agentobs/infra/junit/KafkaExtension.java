package io.agentobs.infra.junit;

import io.agentobs.infra.EmbeddedKafkaServer;
import io.agentobs.infra.KafkaOptions;
import io.agentobs.infra.KafkaServer;

/** JUnit 5 extension running an embedded Kafka broker on a free port; see {@link ServerExtension}. */
public final class KafkaExtension extends ServerExtension<KafkaServer> {

    private static final SharedServer<KafkaServer> SHARED =
            new SharedServer<>(() -> new EmbeddedKafkaServer(KafkaOptions.randomPort()));

    /** A dedicated broker for this test class, with {@link KafkaOptions#randomPort()}. */
    public KafkaExtension() {
        this(KafkaOptions.randomPort());
    }

    /** A dedicated broker for this test class. */
    public KafkaExtension(KafkaOptions options) {
        super(() -> new EmbeddedKafkaServer(options));
    }

    private KafkaExtension(SharedServer<KafkaServer> shared) {
        super(shared);
    }

    /** The broker shared by all test classes of this JVM that ask for it. */
    public static KafkaExtension shared() {
        return new KafkaExtension(SHARED);
    }

    public String bootstrapServers() {
        return server().bootstrapServers();
    }

    public int port() {
        return server().port();
    }
}
