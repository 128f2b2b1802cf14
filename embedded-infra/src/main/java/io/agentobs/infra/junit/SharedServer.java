package io.agentobs.infra.junit;

import java.util.function.Supplier;

import io.agentobs.infra.InfraServer;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One server per test JVM: started on first use, closed when the JUnit run (the root context) ends. */
final class SharedServer<S extends InfraServer> {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);

    private final Supplier<S> factory;
    private S server;
    /** Why the first start failed; later test classes fail with it at once instead of leaking another try. */
    private RuntimeException startFailure;

    SharedServer(Supplier<S> factory) {
        this.factory = factory;
    }

    /** The running server, started now if this is the first use. */
    synchronized S get() {
        if (startFailure != null) {
            throw new IllegalStateException("the shared server failed to start earlier in this JVM", startFailure);
        }
        if (server == null) {
            try {
                server = StartOrClose.start(factory.get());
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return server;
    }

    /** Registers the close with the root context's store, which closes its AutoCloseable values last. */
    void closeAtEndOf(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(this, key -> new Closer(), Closer.class);
    }

    private synchronized void release() {
        if (server != null) {
            S closing = server;
            server = null;
            closing.close();
        }
    }

    /** Root-store value whose close, at the end of the run, closes the shared server. */
    private final class Closer implements AutoCloseable {
        @Override
        public void close() {
            release();
        }
    }
}
