package io.agentobs.cli.spool;

import java.util.ArrayList;
import java.util.List;

/** A spool sender for tests: records every chunk it acknowledges and can fail one chosen call. */
final class RecordingSender implements SpoolSender {

    private final int failingCall;
    private final List<List<SpooledEvent>> acknowledged = new ArrayList<>();
    private final List<List<SpooledEvent>> attempted = new ArrayList<>();

    private RecordingSender(int failingCall) {
        this.failingCall = failingCall;
    }

    /** Acknowledges every chunk. */
    static RecordingSender acknowledging() {
        return new RecordingSender(0);
    }

    /** Fails the {@code call}-th chunk (1-based) and acknowledges the others. */
    static RecordingSender failingCall(int call) {
        return new RecordingSender(call);
    }

    @Override
    public synchronized void send(List<SpooledEvent> chunk) throws Exception {
        attempted.add(List.copyOf(chunk));
        if (attempted.size() == failingCall) {
            throw new IllegalStateException("broker unreachable");
        }
        acknowledged.add(List.copyOf(chunk));
    }

    /** Every acknowledged event, in the order sent. */
    synchronized List<SpooledEvent> events() {
        List<SpooledEvent> events = new ArrayList<>();
        acknowledged.forEach(events::addAll);
        return events;
    }

    /** The sizes of the acknowledged chunks, in order. */
    synchronized List<Integer> chunkSizes() {
        return acknowledged.stream().map(List::size).toList();
    }

    /** Every chunk handed over, acknowledged or not. */
    synchronized List<List<SpooledEvent>> attempted() {
        return List.copyOf(attempted);
    }
}
