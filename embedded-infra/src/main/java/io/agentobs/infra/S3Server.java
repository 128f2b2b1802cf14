package io.agentobs.infra;

import java.net.URI;

/** An S3-compatible API (path-style addressing, AWS signature v2/v4) with one fixed access key. */
public interface S3Server extends InfraServer {

    /** Endpoint for the SDK's {@code endpointOverride}; use it with {@code forcePathStyle(true)}. */
    URI endpoint();

    /** Region to sign requests for. */
    String region();

    /** Access key id the server accepts. */
    String accessKey();

    /** Secret key matching {@link #accessKey()}. */
    String secretKey();

    /** Creates the bucket if it does not exist yet; works whether or not the server is running. */
    void createBucket(String bucket);
}
