package io.agentobs.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service processes of the stack: started one after another in {@link FleetService#all()} order, each only once
 * the one before is ready; stopped together (SIGTERM to all, then a deadline for each).
 */
final class Fleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

    private final List<ServiceInstance> running = Collections.synchronizedList(new ArrayList<>());
    private final List<FleetService> missing = new ArrayList<>();
    private final Duration stopDeadline;

    Fleet(Duration stopDeadline) {
        this.stopDeadline = stopDeadline;
    }

    /**
     * Starts every service whose jar exists under {@code home} and waits for it to be ready before the next; a
     * service without a jar is listed by {@link #missing()}.
     *
     * @throws IllegalStateException when one does not come up (naming its log file); those started stay running
     *                               until {@link #close()}
     */
    void start(Path home, Map<String, String> environment, Map<String, Integer> ports, Path logDirectory,
               Duration readinessTimeout) throws IOException, InterruptedException {
        for (FleetService service : FleetService.all()) {
            Optional<Path> jar = ServiceJar.find(home, service.module());
            if (jar.isEmpty()) {
                missing.add(service);
                continue;
            }
            int port = ports.getOrDefault(service.module(), service.defaultPort());
            Path log = logDirectory.resolve(service.module() + ".log");
            LOG.info("Starting {} on port {} (log {})", service.module(), port, log);
            long startedAt = System.nanoTime();
            ServiceInstance instance = ServiceInstance.start(service, jar.get(), port, environment, log);
            running.add(instance);
            instance.awaitReady(readinessTimeout);
            LOG.info("{} ready in {} ms", service.module(), (System.nanoTime() - startedAt) / 1_000_000);
        }
    }

    /** The services started, in start order. */
    List<ServiceInstance> running() {
        return List.copyOf(running);
    }

    /** The services not started because their jar is not built. */
    List<FleetService> missing() {
        return List.copyOf(missing);
    }

    /** SIGTERM to every service, then waits for each until the deadline, killing those that have not ended. */
    @Override
    public void close() {
        List<ServiceInstance> stopping = running();
        if (!stopping.isEmpty()) {
            LOG.info("Stopping {} service(s)", stopping.size());
        }
        stopping.forEach(ServiceInstance::terminate);
        for (ServiceInstance instance : stopping) {
            try {
                if (instance.awaitExit(stopDeadline)) {
                    LOG.info("{} stopped", instance.service().module());
                } else {
                    LOG.warn("{} did not stop within {} s and was killed; its log is {}",
                            instance.service().module(), stopDeadline.toSeconds(), instance.log());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        running.clear();
    }
}
