package io.agentobs.infra.junit;

import io.agentobs.infra.InfraServer;

/** Starting a fresh server without leaking it when the start fails. */
final class StartOrClose {

    private StartOrClose() {
    }

    /** Starts the server; on failure closes it (its processes, temp dirs) and rethrows, a failing close suppressed. */
    static <S extends InfraServer> S start(S server) {
        try {
            server.start();
            return server;
        } catch (RuntimeException startFailure) {
            try {
                server.close();
            } catch (RuntimeException closeFailure) {
                startFailure.addSuppressed(closeFailure);
            }
            throw startFailure;
        }
    }
}
