package io.agentobs.bench.consumer;

import io.agentobs.bench.EventCounter;
import io.agentobs.consumer.EventBatch;
import io.agentobs.consumer.EventSink;

/** A no-op sink that only counts the valid events it is handed. */
public class CountingSink implements EventSink {

    private final EventCounter counter;

    public CountingSink(EventCounter counter) {
        this.counter = counter;
    }

    @Override
    public void write(EventBatch batch) {
        counter.add(batch.size());
    }
}
