package io.agentobs.infra.junit;

import java.util.function.Supplier;

import io.agentobs.infra.InfraServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs one server for tests, registered as a {@code static} {@code @RegisterExtension} field. Shared: one server
 * for the whole test JVM, started on first use, closed when the JUnit run ends; tests must not stop it.
 * Dedicated: a server of its own for the test class (nested classes included), started before its first test
 * and closed after its last; tests may {@link #stop()} and {@link #start()} it to simulate an outage.
 */
public abstract class ServerExtension<S extends InfraServer> implements BeforeAllCallback, AfterAllCallback {

    private final SharedServer<S> shared;
    private final Supplier<S> factory;
    private S server;
    private String ownerId;

    ServerExtension(SharedServer<S> shared) {
        this.shared = shared;
        this.factory = null;
    }

    ServerExtension(Supplier<S> factory) {
        this.shared = null;
        this.factory = factory;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (shared != null) {
            shared.closeAtEndOf(context);
            shared.get();
            return;
        }
        if (server != null) {
            return;
        }
        server = StartOrClose.start(factory.get());
        ownerId = context.getUniqueId();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (server != null && context.getUniqueId().equals(ownerId)) {
            S closing = server;
            server = null;
            ownerId = null;
            closing.close();
        }
    }

    /** The server; a shared one is started by the first call, a dedicated one exists from beforeAll to afterAll. */
    public synchronized S server() {
        if (shared != null) {
            return shared.get();
        }
        if (server == null) {
            throw new IllegalStateException(
                    "dedicated server not running: register the extension in a static @RegisterExtension field");
        }
        return server;
    }

    /** Whether this extension owns one JVM-wide server. */
    public boolean isShared() {
        return shared != null;
    }

    /** Stops a dedicated server, keeping its port and data (an outage). */
    public void stop() {
        requireDedicated("stop");
        server().stop();
    }

    /** Starts a dedicated server again on the same port after {@link #stop()}. */
    public void start() {
        requireDedicated("start");
        server().start();
    }

    public boolean isRunning() {
        return server().isRunning();
    }

    private void requireDedicated(String action) {
        if (shared != null) {
            throw new UnsupportedOperationException("cannot " + action + " the shared " + getClass().getSimpleName()
                    + ", other test classes use it; register a dedicated one with new "
                    + getClass().getSimpleName() + "()");
        }
    }
}
