package io.agentobs.bench.consumer;

import io.agentobs.bench.EventCounter;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A minimal agentobs consumer service whose sink counts events; the runner registers the {@link EventCounter}. */
@SpringBootApplication
public class BenchConsumerApplication {

    @Bean
    CountingSink countingSink(EventCounter eventCounter) {
        return new CountingSink(eventCounter);
    }
}
