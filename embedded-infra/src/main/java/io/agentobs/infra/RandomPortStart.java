package io.agentobs.infra;

import java.net.BindException;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a server on a port that was free, and on another one if a different process bound that port first. */
final class RandomPortStart {

    private static final Logger LOG = LoggerFactory.getLogger(RandomPortStart.class);
    /** Losing the race several times in a row means something else is wrong; give up with its failures. */
    static final int ATTEMPTS = 5;

    private RandomPortStart() {
    }

    /**
     * Runs {@code launch} on {@code requestedPort}, or, when that is 0, on ports from {@code freePorts} until one
     * launch succeeds, retrying only launches that failed because the port was taken.
     *
     * @param launch  starts the server on the given port, or fails leaving nothing behind
     * @return the port the server was started on
     */
    static int start(int requestedPort, IntSupplier freePorts, IntConsumer launch) {
        if (requestedPort != 0) {
            launch.accept(requestedPort);
            return requestedPort;
        }
        RuntimeException lost = null;
        for (int attempt = 1; ; attempt++) {
            int port = freePorts.getAsInt();
            try {
                launch.accept(port);
                return port;
            } catch (RuntimeException e) {
                if (lost != null) {
                    e.addSuppressed(lost);
                }
                if (attempt == ATTEMPTS || !isBindFailure(e, port)) {
                    throw e;
                }
                LOG.warn("Port {} was taken before the server could bind it; trying another one", port);
                lost = e;
            }
        }
    }

    /** Whether the failure says the port was in use, or, for servers that do not say so, the port is held now. */
    static boolean isBindFailure(Throwable failure, int port) {
        // Bounded: a cause chain can, rarely, loop.
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            String message = cause.getMessage();
            if (cause instanceof BindException
                    || message != null && message.toLowerCase(Locale.ROOT).contains("address already in use")) {
                return true;
            }
        }
        return FreePorts.isTaken(port);
    }
}
