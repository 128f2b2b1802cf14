package io.agentobs.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/** Whether something accepts TCP connections on a loopback port; ports for servers to lose a race for. */
final class Ports {

    private Ports() {
    }

    /** Hands out {@code taken} first, then free ports: a server's first pick is lost to another process. */
    static IntSupplier takenFirst(int taken) {
        AtomicBoolean handedOut = new AtomicBoolean();
        return () -> handedOut.getAndSet(true) ? FreePorts.next() : taken;
    }

    static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
