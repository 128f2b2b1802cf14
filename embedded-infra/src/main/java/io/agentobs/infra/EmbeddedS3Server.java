package io.agentobs.infra;

import java.net.URI;
import java.time.Duration;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link S3Server} on S3Proxy in this JVM: an in-memory blob store for tests or a filesystem one (a directory per
 * bucket, a file per object) for the local stack. The blob store outlives {@link #stop()}, so objects survive a
 * restart either way.
 */
public final class EmbeddedS3Server implements S3Server {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3Server.class);
    private static final String HOST = "127.0.0.1";

    private final S3Options options;
    private final DataDirectory data;
    private BlobStore blobStore;
    private S3Proxy proxy;
    private int port;
    private boolean closed;

    public EmbeddedS3Server(S3Options options) {
        this.options = options;
        this.data = new DataDirectory(options.dataDirectory(), "agentobs-s3-data");
        this.port = options.port();
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("S3 server was closed");
        }
        if (proxy != null) {
            return;
        }
        long startedAt = System.nanoTime();
        S3Proxy created = S3Proxy.builder()
                .blobStore(blobStore())
                .endpoint(URI.create("http://" + HOST + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, options.accessKey(), options.secretKey())
                // Answer at once on stop instead of draining keep-alive connections for up to 30 s.
                .stopTimeout(0)
                .build();
        try {
            created.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start on port " + port, e);
        }
        proxy = created;
        port = created.getPort();
        LOG.info("S3 API listening on {} (started in {} ms)", endpoint(),
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
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
    public synchronized void stop() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy on port " + port + " did not stop", e);
        } finally {
            proxy = null;
        }
        LOG.info("S3 API on port {} stopped", port);
    }

    @Override
    public synchronized boolean isRunning() {
        return proxy != null;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (blobStore != null) {
            blobStore.close();
            blobStore = null;
        }
        data.release();
    }

    @Override
    public synchronized URI endpoint() {
        if (port == 0) {
            throw new IllegalStateException("S3 server has not been started");
        }
        return URI.create("http://" + HOST + ":" + port);
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
        if (closed) {
            throw new IllegalStateException("S3 server was closed");
        }
        BlobStore store = blobStore();
        if (!store.containerExists(bucket)) {
            store.createContainer(bucket);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedS3Server[" + (port == 0 ? "not started" : endpoint()) + "]";
    }
}
