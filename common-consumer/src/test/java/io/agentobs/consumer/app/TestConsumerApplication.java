package io.agentobs.consumer.app;

import java.nio.file.Path;
import java.time.Duration;

import io.agentobs.consumer.AgentobsApplication;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The smallest agentobs consumer service: a {@link RecordingSink} and a one-line listener. Used in-process by the
 * integration tests and as a child process by the graceful-shutdown test.
 */
@SpringBootApplication
public class TestConsumerApplication {

    @Bean
    RecordingSink recordingSink(Environment environment) {
        RecordingSink sink = new RecordingSink();
        String hold = environment.getProperty("test.sink.hold-ms");
        if (hold != null) {
            sink.holdEachWrite(Duration.ofMillis(Long.parseLong(hold)));
        }
        String marker = environment.getProperty("test.sink.started-marker");
        if (marker != null) {
            sink.markStartsIn(Path.of(marker));
        }
        String log = environment.getProperty("test.sink.stored-log");
        if (log != null) {
            sink.logStoredTo(Path.of(log));
        }
        return sink;
    }

    public static void main(String[] args) {
        AgentobsApplication.run(TestConsumerApplication.class, args);
    }
}
