package io.agentobs.infra;

import java.net.URI;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * {@link S3Server} on S3Proxy in this JVM: an in-memory blob store for tests or a filesystem one (a directory per
 * bucket, a file per object) for the local stack. The blob store outlives {@link #stop()}, so objects survive a
 * restart either way.
 */
public final class EmbeddedS3Server extends AbstractInfraServer implements S3Server {

    private static final String HOST = "127.0.0.1";

    private final S3Options options;
    private final DataDirectory data;
    private BlobStore blobStore;
    private S3Proxy proxy;

    public EmbeddedS3Server(S3Options options) {
        super("S3", options.port());
        this.options = options;
        this.data = new DataDirectory(options.dataDirectory(), "agentobs-s3-data");
    }

    @Override
    void startServer() {
        // Port 0 on the first start: Jetty binds a free port itself, so no other process can take it in between.
        S3Proxy created = S3Proxy.builder()
                .blobStore(blobStore())
                .endpoint(URI.create("http://" + HOST + ":" + assignedPort()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, options.accessKey(), options.secretKey())
                // Answer at once on stop instead of draining keep-alive connections for up to 30 s.
                .stopTimeout(0)
                .build();
        try {
            created.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start on port " + assignedPort(), e);
        }
        proxy = created;
        assignPort(created.getPort());
    }

    private synchronized BlobStore blobStore() {
        if (blobStore == null) {
            blobStore = data.isTransient()
                    ? new TransientNio2BlobStore()
                    : new FilesystemNio2BlobStore(data.path().toString());
        }
        return blobStore;
    }

    @Override
    void stopServer() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy on port " + port() + " did not stop", e);
        } finally {
            proxy = null;
        }
    }

    @Override
    void releaseResources() {
        if (blobStore != null) {
            blobStore.close();
            blobStore = null;
        }
        data.release();
    }

    @Override
    String address() {
        return endpoint().toString();
    }

    @Override
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port());
    }

    @Override
    public String region() {
        return options.region();
    }

    @Override
    public String accessKey() {
        return options.accessKey();
    }

    @Override
    public String secretKey() {
        return options.secretKey();
    }

    @Override
    public synchronized void createBucket(String bucket) {
        requireOpen();
        BlobStore store = blobStore();
        if (!store.containerExists(bucket)) {
            store.createContainer(bucket);
        }
    }
}
