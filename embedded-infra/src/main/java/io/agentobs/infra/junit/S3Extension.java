package io.agentobs.infra.junit;

import java.net.URI;

import io.agentobs.infra.EmbeddedS3Server;
import io.agentobs.infra.S3Options;
import io.agentobs.infra.S3Server;

/** JUnit 5 extension running an embedded S3 API (in-memory store) on a free port; see {@link ServerExtension}. */
public final class S3Extension extends ServerExtension<S3Server> {

    private static final SharedServer<S3Server> SHARED =
            new SharedServer<>(() -> new EmbeddedS3Server(S3Options.randomPort()));

    /** A dedicated server for this test class, with {@link S3Options#randomPort()}. */
    public S3Extension() {
        this(S3Options.randomPort());
    }

    /** A dedicated server for this test class. */
    public S3Extension(S3Options options) {
        super(() -> new EmbeddedS3Server(options));
    }

    private S3Extension(SharedServer<S3Server> shared) {
        super(shared);
    }

    /** The server shared by all test classes of this JVM that ask for it. */
    public static S3Extension shared() {
        return new S3Extension(SHARED);
    }

    public URI endpoint() {
        return server().endpoint();
    }

    public String region() {
        return server().region();
    }

    public String accessKey() {
        return server().accessKey();
    }

    public String secretKey() {
        return server().secretKey();
    }

    public void createBucket(String bucket) {
        server().createBucket(bucket);
    }
}
