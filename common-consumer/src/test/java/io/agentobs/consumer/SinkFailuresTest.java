package io.agentobs.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.BatchListenerFailedException;

/** A sink exception never turns into a partial commit of the batch. */
class SinkFailuresTest {

    @Test
    void ordinaryFailureIsRethrownAsItIs() {
        ConnectException down = new ConnectException("down");
        assertThat(SinkFailures.retryWhole(down)).isSameAs(down);
    }

    @Test
    void partialCommitRequestAnywhereInTheCauseChainIsHidden() {
        Exception sink = new IllegalStateException("write failed", new BatchListenerFailedException("row 50", 50));

        Exception thrown = SinkFailures.retryWhole(sink);

        assertThat(thrown).isNotSameAs(sink).hasNoCause();
        assertThat(thrown.getSuppressed()).containsExactly(sink);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(t).isNotInstanceOf(BatchListenerFailedException.class);
        }
    }
}
