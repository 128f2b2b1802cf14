package io.agentobs.consumer.app;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.agentobs.consumer.ConsumedEvent;
import io.agentobs.consumer.EventBatch;
import io.agentobs.consumer.EventSink;

/**
 * A sink for tests that remembers every write: it can fail a given number of times (a transient outage), reject
 * events as bad data, hold a write open for a while (a slow sink), and mirror what it stored to a file so another
 * process can read it.
 */
public class RecordingSink implements EventSink {

    private final List<ConsumedEvent> stored = new CopyOnWriteArrayList<>();
    private final List<Integer> attemptSizes = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile Predicate<ConsumedEvent> rejectWhen = e -> false;
    private volatile Duration holdEachWrite = Duration.ZERO;
    private volatile Path startedMarker;
    private volatile Path storedLog;
    private volatile boolean probeFails;
    private volatile Error fatalOnNextWrite;

    @Override
    public void write(EventBatch batch) throws Exception {
        attemptSizes.add(batch.size());
        if (startedMarker != null) {
            Files.writeString(startedMarker, "started " + batch.size() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        Error fatal = fatalOnNextWrite;
        if (fatal != null) {
            fatalOnNextWrite = null;
            throw fatal;
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ConnectException("simulated sink outage");
        }
        if (!holdEachWrite.isZero()) {
            // Simulates a slow sink: the write takes this long however it is interrupted by the shutdown.
            new CountDownLatch(1).await(holdEachWrite.toMillis(), TimeUnit.MILLISECONDS);
        }
        List<ConsumedEvent> kept = new ArrayList<>();
        for (ConsumedEvent event : batch.events()) {
            if (rejectWhen.test(event)) {
                batch.reject(event, "rejected for test: " + event.event().eventId());
            } else {
                kept.add(event);
            }
        }
        stored.addAll(kept);
        if (storedLog != null) {
            StringBuilder lines = new StringBuilder();
            kept.forEach(e -> lines.append(e.event().eventId()).append('\n'));
            Files.writeString(storedLog, lines.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @Override
    public void probe() throws Exception {
        if (probeFails) {
            throw new ConnectException("simulated probe failure");
        }
    }

    /** Events stored so far, in write order. */
    public List<ConsumedEvent> stored() {
        return List.copyOf(stored);
    }

    /** Size of the batch handed to each write call, failed ones included. */
    public List<Integer> attemptSizes() {
        return List.copyOf(attemptSizes);
    }

    public void failNextWrites(int count) {
        failuresLeft.set(count);
    }

    public void rejectWhen(Predicate<ConsumedEvent> predicate) {
        this.rejectWhen = predicate;
    }

    public void holdEachWrite(Duration duration) {
        this.holdEachWrite = duration;
    }

    public void markStartsIn(Path marker) {
        this.startedMarker = marker;
    }

    public void logStoredTo(Path file) {
        this.storedLog = file;
    }

    public void probeFails(boolean fails) {
        this.probeFails = fails;
    }

    public void dieOnNextWrite(Error error) {
        this.fatalOnNextWrite = error;
    }
}
