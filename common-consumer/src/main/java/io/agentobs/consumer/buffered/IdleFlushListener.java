package io.agentobs.consumer.buffered;

import io.agentobs.consumer.health.SinkHealth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;

/**
 * While no records arrive, lets a {@link BufferingSink} store what is due (an idle partition's open file) and
 * commits it. The container publishes idle events on the consumer thread, so the consumer may be used here.
 * A failure is shown by readiness and tried again at the next idle event; nothing is committed for it.
 */
public class IdleFlushListener {

    private static final Logger log = LoggerFactory.getLogger(IdleFlushListener.class);

    private final BufferingSink sink;
    private final BufferedOffsetCommitter committer;
    private final SinkHealth sinkHealth;

    public IdleFlushListener(BufferingSink sink, BufferedOffsetCommitter committer, SinkHealth sinkHealth) {
        this.sink = sink;
        this.committer = committer;
        this.sinkHealth = sinkHealth;
    }

    @EventListener
    public void onIdle(ListenerContainerIdleEvent event) {
        if (event.getConsumer() == null) {
            return;
        }
        try {
            if (sink.flushDue()) {
                sinkHealth.writeSucceeded();
            }
            committer.commitDurable(event.getConsumer());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            sinkHealth.writeFailed(e);
            log.warn("{} could not store idle data yet ({}); trying again in {}", sink.sinkName(), e.toString(),
                    sink.flushCheckInterval());
        }
    }
}
