package io.agentobs.cli.spool;

import static io.agentobs.cli.spool.SpoolOrderCheck.assertEachProducerSentExactlyOnceInOrder;
import static io.agentobs.cli.spool.SpoolOrderCheck.produced;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Threads of one JVM appending to and draining one spool at the same time. */
class SpoolConcurrencyTest {

    private static final int APPENDERS = 6;
    private static final int PER_APPENDER = 150;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void threadsAppendingWhileAnotherDrainsSendEveryEventExactlyOnceInOrder() throws Exception {
        Path directory = temp.resolve("spool");
        Files.createDirectories(temp.resolve("elsewhere"));
        // The drainer names the same directory differently: the lock must still be the same one.
        Spool drainerView = new Spool(temp.resolve("elsewhere").resolve("..").resolve("spool"));
        List<String> producers = new ArrayList<>();
        for (int i = 0; i < APPENDERS; i++) {
            producers.add("thread-" + i);
        }
        RecordingSender sender = RecordingSender.acknowledging();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(APPENDERS);
        try {
            List<Future<?>> appenders = new ArrayList<>();
            for (String producer : producers) {
                appenders.add(pool.submit(() -> {
                    start.await();
                    Spool spool = new Spool(directory);
                    int sequence = 0;
                    while (sequence < PER_APPENDER) {
                        int batch = Math.min(1 + sequence % 3, PER_APPENDER - sequence);
                        List<SpooledEvent> events = new ArrayList<>();
                        for (int i = 0; i < batch; i++) {
                            events.add(produced(producer, sequence++));
                        }
                        spool.append(events);
                    }
                    return null;
                }));
            }
            start.countDown();
            int drains = 0;
            while (!appenders.stream().allMatch(Future::isDone)) {
                if (!drainerView.isEmpty()) {
                    assertThat(drainerView.drain(sender).complete()).isTrue();
                    drains++;
                } else {
                    Thread.onSpinWait();
                }
            }
            for (Future<?> appender : appenders) {
                appender.get();
            }
            drainerView.drain(sender);

            assertThat(drains).isPositive();
            assertEachProducerSentExactlyOnceInOrder(sender.events(), producers, PER_APPENDER);
            assertThat(drainerView.isEmpty()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
