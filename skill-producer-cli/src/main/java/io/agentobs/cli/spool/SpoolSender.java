package io.agentobs.cli.spool;

import java.util.List;

/** Sends one chunk of spooled events; returns normally only if every event of the chunk was acknowledged by Kafka. */
@FunctionalInterface
public interface SpoolSender {

    /**
     * Sends the chunk, in order.
     *
     * @throws Exception when any event of the chunk was not acknowledged; the whole chunk then stays spooled
     */
    void send(List<SpooledEvent> chunk) throws Exception;
}
